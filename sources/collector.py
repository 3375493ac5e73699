"""Garbage-collector policy for batch work.

Parsing allocates many short-lived containers (row dicts, lists, element proxies) and almost no
reference cycles, while the process also holds large long-lived tables (region names, caches, imported
modules). With the default thresholds the collector runs every 700 allocations and its full passes walk
those tables again and again: a few per cent of a parser's time for nothing. `batch_gc` freezes what
exists (the collector never walks it again) and collects less often; cycles are still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (20_000, 20, 20)


def apply() -> None:
    """Freeze the objects that exist now and collect less often, for the rest of the process."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def batch_gc() -> Iterator[None]:
    """`apply` for the duration of a block; the previous thresholds come back after it."""
    before = gc.get_threshold()
    apply()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
