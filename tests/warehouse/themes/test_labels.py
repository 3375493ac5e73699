"""Every column a theme file or export shows has a Chinese label, declared once in schemas/labels.py."""

from __future__ import annotations

import re

from schemas.labels import label
from warehouse.db import sql
from warehouse.themes.tables import TABLES, VIEWS, dictionary_rows


def test_every_column_has_a_label():
    missing = [(t.name, c) for t in (*VIEWS, *TABLES) for c, _ in t.columns if label(c, t.name) == c]
    assert missing == []
    assert label("name", "patent_applicants") == "申请人名称" and label("name", "branches") == "分支名称"


def test_export_columns_have_labels():
    for name in ("export_members", "export_new", "export_wipo", "export_changes"):
        text = sql(f"themes/{name}")
        select = text[text.rindex("select"):text.rindex("from")]
        columns = [re.split(r"[ .]", c.strip())[-1] for c in select.removeprefix("select").split(",\n")]
        assert [c for c in columns if label(c) == c] == [], name


def test_dictionary_covers_views_and_theme_tables():
    tables = {t for t, _, _, _ in dictionary_rows()}
    assert {"patents", "patent_applicants", "patent_classifications", "members", "evidence", "changes"} <= tables
