"""Importing an official concordance table — the structure of 《战略性新兴产业分类与国际专利分类参照关系表
（2021）》: category code, category name, IPC patterns (`G06F40*`, `H01M10/05*`, separated by 、 or
commas) and, on some rows, keywords that the row's IPC patterns need — as one theme definition per
category, in YAML files an analyst can then edit.

Rows whose code and name cells are empty continue the category above (merged cells in the published
tables). A row without keywords adds its patterns to the category's `ipc` rule; a row with keywords
becomes a rule of its own: all of (its patterns, any of its keywords).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from warehouse.themes.loader import parse_definition

_HEADERS = {
    "code": ("分类代码", "代码", "编码", "区分", "code"),
    "name": ("分类名称", "名称", "技术", "name"),
    "ipc": ("国际专利分类", "ipc", "专利分类"),
    "keywords": ("关键词", "关键字", "keyword"),
}
_PATTERN = re.compile(r"[A-H]\d{2}[A-Z](?:\s*\d{1,4}(?:\s*/\s*\d{2,6})?)?\s*\*?")
_TERM_SEPARATORS = re.compile(r"[、,，;；\n\r|/]+")
SOURCE = "战略性新兴产业分类与国际专利分类参照关系表（2021）"


@dataclass
class Category:
    code: str
    name: str
    ipc: list[str] = field(default_factory=list)
    combined: list[tuple[list[str], list[str]]] = field(default_factory=list)  # (patterns, keywords)


def import_concordance(path: str | Path, out_dir: str | Path, prefix: str = "sei") -> dict:
    """Write <prefix>-<code>.yaml per category into out_dir; returns the files and rows skipped."""
    path, out = Path(path), Path(out_dir)
    categories, skipped = _categories(_rows(path))
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for category in categories.values():
        theme_id = f"{prefix}-{re.sub(r'[^0-9A-Za-z]+', '-', category.code).strip('-').lower()}"
        text = _yaml(theme_id, category, path.name)
        target = out / f"{theme_id}.yaml"
        parse_definition(text, target)  # what we write must load
        target.write_text(text, encoding="utf-8")
        files.append(str(target))
    return {"source": str(path), "themes": len(files), "files": files, "skipped_rows": skipped}


def _rows(path: Path) -> Iterator[list[str] | None]:
    """The table's rows as text; None where a new sheet starts (it has its own header)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            yield None
            for row in ws.iter_rows(values_only=True):
                yield ["" if v is None else str(v) for v in row]
        wb.close()
        return
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # tables saved from Chinese Excel are often GB 18030
        text = raw.decode("gb18030")
    yield from csv.reader(text.splitlines())


def _categories(rows: Iterator[list[str] | None]) -> tuple[dict[str, Category], list[int]]:
    categories: dict[str, Category] = {}
    columns: dict[str, int] | None = None
    current: Category | None = None
    skipped = []
    for n, row in enumerate(rows, 1):
        if row is None:
            columns, current = None, None
            continue
        if columns is None:
            columns = _header(row)
            continue
        cell = {k: (row[i].strip() if i < len(row) else "") for k, i in columns.items()}
        if cell.get("code"):
            key = _normal(cell["code"])
            current = categories.setdefault(key, Category(key, _normal(cell.get("name", "")) or key))
        patterns = [re.sub(r"\s+", "", m) for m in _PATTERN.findall(_normal(cell.get("ipc", "")).upper())]
        terms = [t.strip() for t in _TERM_SEPARATORS.split(_normal(cell.get("keywords", ""))) if t.strip()]
        if current is None or not (patterns or terms):
            if any(v.strip() for v in row):
                skipped.append(n)
            continue
        if terms:
            current.combined.append((patterns, terms))
        else:
            current.ipc.extend(p for p in patterns if p not in current.ipc)
    return {k: c for k, c in categories.items() if c.ipc or c.combined}, skipped


def _header(row: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, value in enumerate(row):
        text = _normal(value).lower()
        for key, names in _HEADERS.items():
            if key not in found and any(name.lower() in text for name in names):
                found[key] = i
                break
    return found if {"code", "ipc"} <= set(found) else None


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _yaml(theme_id: str, category: Category, file_name: str) -> str:
    include: list[dict] = []
    if category.ipc:
        include.append({"id": "ipc", "ipc": category.ipc})
    for n, (patterns, terms) in enumerate(category.combined, 1):
        keywords = {"keywords": {"any": terms}, "fields": ["title", "abstract", "claims"]}
        rule = {"id": f"ipc-kw-{n}", "all": [{"ipc": patterns}, keywords]} if patterns else {"id": f"kw-{n}", **keywords}
        include.append(rule)
    data = {"id": theme_id, "name": category.name, "version": 1,
            "description": f"{category.code} {category.name}: imported from {file_name}; review before use.",
            "source": f"{SOURCE} {category.code}", "scope": {"countries": ["CN"]}, "include": include}
    header = f"# Imported from {file_name} ({SOURCE} structure), category {category.code}.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
