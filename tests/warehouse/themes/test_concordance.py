"""Importing a concordance table in the structure of 《战略性新兴产业分类与国际专利分类参照关系表（2021）》."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook

from warehouse.themes.build import BuildOptions, build_theme
from warehouse.themes.concordance import import_concordance
from warehouse.themes.loader import load_definition

HEADER = ["战略性新兴产业分类代码", "战略性新兴产业分类名称", "国际专利分类", "关键词"]
ROWS = [
    ["1.6", "人工智能", "G06F40*、A61B5/0476、A61B5/0478", ""],
    ["", "", "G06N3/04、G06N3/08", ""],
    ["", "", "G05B15/02、G08B19/00", "智能家居、智能控制"],
    ["5.2", "新能源汽车装置、配件制造", "H01M10/0525", "动力电池"],
    ["5.3", "新能源汽车相关设施制造", "B60L53*；H02J7/00", ""],
]


def csv_table(path):
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["参照关系表（节选，测试用）", "", "", ""])
        writer.writerows([HEADER, *ROWS])
    return path


def xlsx_table(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["参照关系表（节选，测试用）"])
    ws.append(HEADER)
    for row in ROWS:
        ws.append([v or None for v in row])
    ws.merge_cells("A3:A5")  # the code and name cells of a category span its rows, as published
    ws.merge_cells("B3:B5")
    wb.save(path)
    return path


@pytest.mark.parametrize("make", [csv_table, xlsx_table])
def test_one_definition_per_category(tmp_path, make):
    table = make(tmp_path / f"table.{make.__name__.split('_')[0]}")
    result = import_concordance(table, tmp_path / "themes")
    assert result["themes"] == 3 and result["skipped_rows"] == []
    ai = load_definition(tmp_path / "themes" / "sei-1-6.yaml").theme
    assert (ai.id, ai.name, ai.source) == ("sei-1-6", "人工智能", "战略性新兴产业分类与国际专利分类参照关系表（2021） 1.6")
    assert ai.include[0].ipc == ["G06F40*", "A61B5/0476", "A61B5/0478", "G06N3/04", "G06N3/08"]
    combined = ai.include[1]
    assert combined.children[0].ipc == ["G05B15/02", "G08B19/00"]
    assert combined.children[1].keywords.terms == ["智能家居", "智能控制"]
    assert load_definition(tmp_path / "themes" / "sei-5-3.yaml").theme.include[0].ipc == ["B60L53*", "H02J7/00"]


def test_imported_definition_builds(theme_warehouse, tmp_path):
    import_concordance(csv_table(tmp_path / "table.csv"), tmp_path / "themes")
    parts = load_definition(tmp_path / "themes" / "sei-5-2.yaml")
    summary = build_theme(parts, theme_warehouse, tmp_path / "out", BuildOptions(exports=False))
    assert summary["members"] == 1  # H01M 10/0525 with 动力电池 in the title: the constructed grant
