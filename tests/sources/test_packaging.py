"""Packaging: folders, zips inside zips, and the hardening that keeps hostile archives out."""

from __future__ import annotations

import io
import zipfile

import pytest

from sources.packaging import Limits, PackagingError, WorkUnit, find_bulk_files, iter_unit, plan_zip_units


def _zip(path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_find_bulk_files_walks_folders_and_skips_images(tmp_path):
    (tmp_path / "a" / "doc").mkdir(parents=True)
    (tmp_path / "a" / "doc" / "doc.XML").write_bytes(b"<x/>")
    (tmp_path / "a" / "doc" / "doc.JPG").write_bytes(b"\xff")
    _zip(tmp_path / "week.zip", {"x.xml": b"<x/>"})
    assert [p.name for p in find_bulk_files([tmp_path])] == ["week.zip", "doc.XML"]  # files, then folders


def test_missing_path(tmp_path):
    with pytest.raises(PackagingError, match="no such file"):
        find_bulk_files([tmp_path / "nope"])


def test_nested_zips_are_units_and_images_are_skipped(tmp_path):
    inner = io.BytesIO()
    _zip(inner, {"d1/d1.XML": b"<a/>", "d1/d1.JPG": b"img", "d2/d2.XML": b"<b/>"})
    outer = _zip(tmp_path / "w.zip", {"sub1.zip": inner.getvalue(), "loose.xml": b"<c/>"})
    units = plan_zip_units(outer)
    assert [(u.chain, u.members) for u in units] == [(("sub1.zip",), None), ((), ("loose.xml",))]
    docs = [(i, d.member, d.data) for u in units for i, d in iter_unit(u)]
    assert docs == [(0, "sub1.zip!d1/d1.XML", b"<a/>"), (0, "sub1.zip!d2/d2.XML", b"<b/>"),
                    (0, "loose.xml", b"<c/>")]


def test_three_levels_deep_is_read_and_deeper_is_refused(tmp_path):
    level3 = io.BytesIO()
    _zip(level3, {"doc.XML": b"<a/>"})
    level2 = io.BytesIO()
    _zip(level2, {"l3.zip": level3.getvalue()})
    outer = _zip(tmp_path / "w.zip", {"l2.zip": level2.getvalue()})
    (unit,) = plan_zip_units(outer)
    assert [d.member for _, d in iter_unit(unit)] == ["l2.zip!l3.zip!doc.XML"]
    with pytest.raises(PackagingError, match="nested deeper"):
        list(iter_unit(unit, Limits(max_depth=2)))


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "a/../../evil.xml", "C:\\evil.xml"])
def test_unsafe_member_names_are_refused(tmp_path, name):
    z = _zip(tmp_path / "w.zip", {name: b"<x/>"})
    with pytest.raises(PackagingError, match="unsafe path"):
        plan_zip_units(z)


def test_compression_bombs_are_refused_before_decompressing(tmp_path):
    z = _zip(tmp_path / "w.zip", {"bomb.xml": b"<" + b"a" * 5_000_000 + b">"})
    with pytest.raises(PackagingError, match="compression ratio"):
        plan_zip_units(z)
    with pytest.raises(PackagingError, match="over the limit"):
        plan_zip_units(z, Limits(max_ratio=1e9, max_member_bytes=1000))


def test_truncated_zip_names_the_file(tmp_path):
    z = _zip(tmp_path / "w.zip", {"a.xml": b"<a/>" * 100})
    z.write_bytes(z.read_bytes()[:50])
    with pytest.raises(PackagingError, match=r"w\.zip: not a complete zip archive.*truncated"):
        plan_zip_units(z)


def test_corrupt_member_becomes_an_unreadable_document(tmp_path):
    payload = bytes(range(256)) * 64
    z = _zip(tmp_path / "w.zip", {"a.xml": payload}, compression=zipfile.ZIP_STORED)
    data = bytearray(z.read_bytes())
    start = 30 + len("a.xml")
    data[start + 100 : start + 110] = b"\x00" * 10  # damage the member's bytes: its CRC no longer matches
    z.write_bytes(bytes(data))
    (unit,) = plan_zip_units(z)
    (_, doc), = list(iter_unit(unit))
    from sources.packaging import unreadable_reason

    assert unreadable_reason(doc.data).startswith("cannot decompress")


def test_plain_files_are_streamed_in_order(tmp_path):
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    a.write_bytes(b"<a/>")
    b.write_bytes(b"<b/>")
    got = [(i, fh.read()) for i, fh in iter_unit(WorkUnit((str(a), str(b))))]
    assert got == [(0, b"<a/>"), (1, b"<b/>")]
