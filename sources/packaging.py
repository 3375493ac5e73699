"""How bulk data is packaged, shared by every format: folders, XML files, zips and zips inside zips.

A *bulk file* is what the manifest counts: one zip (with everything nested inside it) or one XML file.
A bulk file is cut into *work units* that worker processes parse independently: each sub-zip of a
CNIPA weekly zip, or a chunk of the XML members of a flat zip, or a whole XML file. Nothing is ever
extracted to disk; members are read through the zip, so a hostile member name cannot escape anywhere,
but it is still refused. Sizes and compression ratios are bounded before anything is decompressed.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

XML_SUFFIXES = (".xml",)
ZIP_SUFFIXES = (".zip",)
_SPLIT_PART = re.compile(r"\.z\d{2,}$", re.IGNORECASE)
MEMBER_SEP = "!"


class PackagingError(Exception):
    """A bulk file cannot be read as a whole (truncated, split, hostile)."""


@dataclass(frozen=True)
class Limits:
    max_member_bytes: int = 4 << 30  # one decompressed member (an inner zip can be large)
    max_xml_bytes: int = 512 << 20  # one XML document file
    max_ratio: float = 200.0  # decompressed / compressed, per member
    max_depth: int = 3  # zips inside zips
    xml_per_unit: int = 1000  # XML members of a flat zip per work unit
    spool_bytes: int = 256 << 20  # inner zips larger than this are spooled to a temp file


@dataclass(frozen=True)
class WorkUnit:
    """What one worker parses: a piece of one zip, or several whole plain XML files."""

    paths: tuple[str, ...]  # the bulk files covered: one zip, or plain XML files
    chain: tuple[str, ...] = ()  # zip members leading to an inner zip, outermost first
    members: tuple[str, ...] | None = None  # XML members of that container; None: all of them
    ordinal: int = 0  # position of the unit within its zip

    @property
    def path(self) -> str:
        return self.paths[0]

    @property
    def is_zip(self) -> bool:
        return is_zip_name(self.paths[0])


@dataclass(frozen=True)
class DocumentBytes:
    member: str | None  # path inside the bulk file, None for a plain XML file
    data: bytes


def is_xml_name(name: str) -> bool:
    return name.lower().endswith(XML_SUFFIXES)


def is_zip_name(name: str) -> bool:
    return name.lower().endswith(ZIP_SUFFIXES)


def find_bulk_files(paths: list[str | os.PathLike]) -> list[Path]:
    """Bulk files under the given paths (files or folders), sorted; split archives are refused."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise PackagingError(f"{p}: no such file or folder")
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    fp = Path(root) / name
                    if _SPLIT_PART.search(name):
                        raise split_archive_error(fp)
                    if is_xml_name(name) or is_zip_name(name):
                        found.append(fp)
        else:
            if _SPLIT_PART.search(p.name):
                raise split_archive_error(p)
            found.append(p)
    return found


def split_archive_error(path: Path) -> PackagingError:
    stem = re.sub(r"\.(z\d{2,}|zip)$", "", path.name, flags=re.IGNORECASE)
    return PackagingError(
        f"{path}: part of a split zip archive ({stem}.z01, {stem}.z02, … {stem}.zip). "
        f"Join the parts first, e.g. `zip -s 0 {stem}.zip --out {stem}-joined.zip` (Info-ZIP), "
        f"then load {stem}-joined.zip."
    )


_DRIVE = re.compile(r"[A-Za-z]:")


def _check_member(info: zipfile.ZipInfo, where: str, limits: Limits) -> None:
    name = info.filename
    posix = name.replace("\\", "/")
    if posix.startswith("/") or ".." in posix.split("/") or _DRIVE.match(name):
        raise PackagingError(f"{where}: refusing member with an unsafe path {name!r}")
    if info.file_size > limits.max_member_bytes:
        raise PackagingError(
            f"{where}: member {name!r} would decompress to {info.file_size} bytes, over the "
            f"limit of {limits.max_member_bytes}"
        )
    if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        raise PackagingError(
            f"{where}: member {name!r} has a compression ratio of "
            f"{info.file_size / info.compress_size:.0f}, over the limit of {limits.max_ratio:.0f} "
            "(zip bomb?)"
        )


def open_zip(source: str | BinaryIO, where: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise PackagingError(
            f"{where}: not a complete zip archive ({exc}); the download may be truncated — fetch it again"
        ) from None
    if isinstance(source, str) and Path(source).with_suffix(".z01").exists():
        zf.close()
        raise split_archive_error(Path(source))
    return zf


def plan_zip_units(path: Path, limits: Limits = Limits()) -> list[WorkUnit]:
    """Cut one zip into work units (reads only the zip directories)."""
    spath = str(path)
    units: list[WorkUnit] = []
    with open_zip(spath, spath) as zf:
        xml_members: list[str] = []
        for info in zf.infolist():
            if info.is_dir():
                continue
            _check_member(info, spath, limits)
            if is_zip_name(info.filename):
                units.append(WorkUnit((spath,), chain=(info.filename,)))
            elif is_xml_name(info.filename):
                xml_members.append(info.filename)
    for i in range(0, len(xml_members), limits.xml_per_unit):
        units.append(WorkUnit((spath,), members=tuple(xml_members[i : i + limits.xml_per_unit])))
    return [WorkUnit(u.paths, u.chain, u.members, ordinal=n) for n, u in enumerate(units, start=1)]


def iter_unit(unit: WorkUnit, limits: Limits = Limits()) -> Iterator[tuple[int, DocumentBytes | BinaryIO]]:
    """The XML files of a work unit, in archive order, with the index of their bulk file in `unit.paths`.

    Zip members come as `DocumentBytes` (each is one XML file, read whole: they are small); a plain XML
    file comes as an open binary stream so that multi-document formats can split it without reading it
    whole.
    """
    if not unit.is_zip:
        for n, path in enumerate(unit.paths):
            try:
                fh = open(path, "rb")  # noqa: SIM115 - closed by the with below
            except OSError as exc:
                yield n, DocumentBytes(None, _Unreadable(f"cannot open: {exc}"))
                continue
            with fh:
                yield n, fh
        return
    with ExitStack() as stack:
        zf = stack.enter_context(open_zip(unit.path, unit.path))
        where = unit.path
        for member in unit.chain:
            inner = _read_inner_zip(zf, member, f"{where}{MEMBER_SEP}", limits, stack)
            where = f"{where}{MEMBER_SEP}{member}"
            zf = stack.enter_context(open_zip(inner, where))
        prefix = MEMBER_SEP.join(unit.chain)
        for doc in _iter_zip_xml(zf, where, prefix, unit.members, limits, depth=len(unit.chain), stack=stack):
            yield 0, doc


def _read_inner_zip(zf, member: str, where: str, limits: Limits, stack: ExitStack) -> BinaryIO:
    info = zf.getinfo(member)
    _check_member(info, where.rstrip(MEMBER_SEP), limits)
    spool = stack.enter_context(tempfile.SpooledTemporaryFile(max_size=limits.spool_bytes))  # noqa: SIM115
    try:
        with zf.open(info) as src:
            while chunk := src.read(1 << 20):
                spool.write(chunk)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise PackagingError(f"{where}{member}: cannot read inner zip ({exc})") from None
    spool.seek(0)
    return spool


def _iter_zip_xml(zf, where, prefix, members, limits: Limits, depth: int, stack: ExitStack):
    wanted = set(members) if members is not None else None
    for info in zf.infolist():
        if info.is_dir():
            continue
        name = info.filename
        if wanted is not None and name not in wanted:
            continue
        _check_member(info, where, limits)
        full = f"{prefix}{MEMBER_SEP}{name}" if prefix else name
        if is_zip_name(name) and wanted is None:
            if depth + 1 >= limits.max_depth:
                raise PackagingError(f"{where}: zips nested deeper than {limits.max_depth} levels")
            inner = _read_inner_zip(zf, name, f"{where}{MEMBER_SEP}", limits, stack)
            izf = stack.enter_context(open_zip(inner, f"{where}{MEMBER_SEP}{name}"))
            yield from _iter_zip_xml(izf, f"{where}{MEMBER_SEP}{name}", full, None, limits, depth + 1, stack)
        elif is_xml_name(name):
            if info.file_size > limits.max_xml_bytes:
                raise PackagingError(f"{where}: XML member {name!r} is larger than {limits.max_xml_bytes} bytes")
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
                yield DocumentBytes(full, _Unreadable(f"cannot decompress: {exc}"))
                continue
            yield DocumentBytes(full, data)


class _Unreadable(bytes):
    """Placeholder for a member that could not be decompressed; `reason` says why."""

    def __new__(cls, reason: str):
        obj = super().__new__(cls, b"")
        obj.reason = reason
        return obj


def unreadable_reason(data: bytes) -> str | None:
    return getattr(data, "reason", None)


def member_stream(data: bytes) -> BinaryIO:
    return io.BytesIO(data)
