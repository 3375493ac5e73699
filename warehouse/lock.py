"""One writer per warehouse: an advisory lock next to the warehouse file.

The lock is an `flock` on `<warehouse>.lock`, so the operating system releases it when its holder dies,
even by `kill -9`: a stale lock file from a dead process is taken over safely, never a reason to refuse.
The file records who holds it, for the message a second refresh prints.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another process is writing this warehouse."""


def lock_path(warehouse: str | Path) -> Path:
    return Path(f"{warehouse}.lock")


_held: dict[str, dict] = {}  # locks this process holds: nested steps of one refresh share them


@contextmanager
def warehouse_lock(warehouse: str | Path, purpose: str = "refresh"):
    path = lock_path(warehouse)
    key = str(path.resolve())
    if key in _held:
        yield _held[key]
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            raise WarehouseBusy(
                f"{warehouse} is being written by another process ({holder}); wait for it to finish "
                f"or stop it — the lock is released as soon as that process ends"
            ) from None
        info = {"pid": os.getpid(), "host": socket.gethostname(), "purpose": purpose,
                "since": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        _held[key] = info
        try:
            yield info
        finally:
            del _held[key]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return "unknown holder"
    if not info:
        return "unknown holder"
    return f"{info.get('purpose', 'a writer')} pid {info.get('pid')} on {info.get('host')} since {info.get('since')}"
