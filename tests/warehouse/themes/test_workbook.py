"""Workbooks continue long sheets on new sheets at Excel's row limit, header repeated."""

from __future__ import annotations

from openpyxl import load_workbook

from warehouse.themes.workbook import EXCEL_MAX_ROWS, Sheet, write_workbook


def test_sheets_split_at_the_row_limit(tmp_path):
    rows = [["号", "名称"], *([f"CN{n}", "x\x01y" * 20_000] for n in range(5))]
    write_workbook(tmp_path / "w.xlsx", [Sheet("专利", rows), Sheet("空", [["a"]])], max_rows=3)
    wb = load_workbook(tmp_path / "w.xlsx", read_only=True)
    assert wb.sheetnames == ["专利", "专利 (2)", "专利 (3)", "空"]
    sheets = [list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames]
    assert [len(s) for s in sheets] == [3, 3, 2, 1]
    assert all(s[0] == ("号", "名称") for s in sheets[:3])
    assert [r[0] for s in sheets[:3] for r in s[1:]] == [f"CN{n}" for n in range(5)]
    assert len(sheets[0][1][1]) == 32_767 and "\x01" not in sheets[0][1][1]
    assert EXCEL_MAX_ROWS == 1_048_576
