"""XLSX workbooks that Excel opens whatever their size: a sheet longer than Excel's 1,048,576 rows
(header included) continues in "name (2)", "name (3)" …, each with the header; text longer than a cell
holds is cut, and characters XML cannot carry are dropped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767


@dataclass(frozen=True)
class Sheet:
    title: str
    rows: Iterable[list]  # the first row is the header


def write_workbook(path: Path, sheets: list[Sheet], max_rows: int = EXCEL_MAX_ROWS) -> None:
    wb = Workbook(write_only=True)
    for sheet in sheets:
        rows = iter(sheet.rows)
        header = next(rows, [])
        for n, chunk in enumerate(_chunks(rows, max_rows - 1)):
            ws = wb.create_sheet(sheet.title if n == 0 else f"{sheet.title} ({n + 1})")
            ws.append(header)
            for row in chunk:
                ws.append([_cell(v) for v in row])
    wb.save(path)


def _chunks(rows: Iterator[list], size: int) -> Iterator[Iterator[list]]:
    """Consecutive runs of at most `size` rows; always one, so an empty sheet still gets its header."""
    first = True
    while True:
        try:
            head = next(rows)
        except StopIteration:
            if first:
                yield iter(())
            return
        first = False
        yield _take(head, rows, size)


def _take(head: list, rows: Iterator[list], size: int) -> Iterator[list]:
    yield head
    for _ in range(size - 1):
        try:
            yield next(rows)
        except StopIteration:
            return


def _cell(value: object) -> object:
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_MAX_CELL]
    return value
