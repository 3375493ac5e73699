"""Exports of a finished theme database: a Parquet folder (every table), a CSV and an XLSX workbook of the
members, and the "new this week" CSV and XLSX. Spreadsheet and CSV headers are the Chinese labels of
`schemas.labels`; CSV files carry a UTF-8 byte order mark so that Excel reads the Chinese correctly."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import duckdb

from schemas.labels import label, value_label
from warehouse.db import sql
from warehouse.themes.paths import Outputs, remove
from warehouse.themes.workbook import Sheet, write_workbook

_VALUE_COLUMNS = ("app_type", "change", "reason")


def export_all(theme_db: Path, out: Outputs) -> dict[Path, Path]:
    """Write every export under a temporary name; returns {temporary: final path}. On failure nothing is
    left behind."""
    written: dict[Path, Path] = {}
    con = duckdb.connect(str(theme_db), read_only=True)
    try:
        members, new = Rows(con, "export_members"), Rows(con, "export_new")
        _parquet(con, _claim(written, out, out.parquet))
        write_csv(_claim(written, out, out.csv), members)
        write_csv(_claim(written, out, out.new_csv), new)
        write_workbook(_claim(written, out, out.xlsx), [
            Sheet("专利", members),
            Sheet("产业分支", Rows(con, None, "select * from branches")),
            Sheet("技术领域", Rows(con, "export_wipo")),
            Sheet("变化", Rows(con, "export_changes")),
            Sheet("排除", Rows(con, None, "select * from exclusions")),
            Sheet("构建信息", _build_info(con)),
            Sheet("字段说明", Rows(con, None, "select * from data_dictionary")),
        ])
        write_workbook(_claim(written, out, out.new_xlsx), [Sheet("本期新增", new)])
        return written
    except BaseException:
        for temporary in written:
            remove(temporary)
        raise
    finally:
        con.close()


def _claim(written: dict[Path, Path], out: Outputs, target: Path) -> Path:
    temporary = out.temporary(target)
    written[temporary] = target
    return temporary


class Rows:
    """A re-runnable query: header labels and rows (streamed, with value labels), read on demand."""

    def __init__(self, con: duckdb.DuckDBPyConnection, name: str | None, text: str | None = None):
        self.con, self.text = con, text if text is not None else sql(f"themes/{name}")

    def __iter__(self) -> Iterator[list]:
        cur = self.con.cursor()
        cur.execute(self.text)
        columns = [d[0] for d in cur.description]
        yield [label(c) for c in columns]
        labelled = [(n, c) for n, c in enumerate(columns) if c in _VALUE_COLUMNS]
        while batch := cur.fetchmany(10_000):
            for row in batch:
                row = list(row)
                for n, column in labelled:
                    row[n] = value_label(column, row[n])
                yield row
        cur.close()


def _build_info(con: duckdb.DuckDBPyConnection) -> list[list]:
    cur = con.execute("select * from build_info")
    values = cur.fetchone()
    rows = [[label("key"), label("content")]]
    rows += [[label(d[0]), "; ".join(map(str, v)) if isinstance(v, list) else v]
             for d, v in zip(cur.description, values, strict=True)]
    rows.append([label("text", "definition"), con.execute("select text from definition").fetchone()[0]])
    return rows


def _parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    folder.mkdir(parents=True)
    for (table,) in con.execute("select table_name from duckdb_tables() order by table_name").fetchall():
        con.table(table).write_parquet(str(folder / f"{table}.parquet"))


def write_csv(path: Path, rows: Rows) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
