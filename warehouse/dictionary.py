"""The data dictionary (Markdown), generated from `schemas` — never written by hand."""

from __future__ import annotations

from schemas.model import ALL_TABLES
from schemas.views import VIEWS


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def data_dictionary() -> str:
    lines = [
        "# zhuanti data dictionary",
        "",
        "Generated from `schemas/` by `zhuanti dictionary`; do not edit by hand.",
        "",
        "## Views (start here)",
        "",
    ]
    for v in VIEWS:
        lines += [f"### `{v.name}`", "", v.description, "", "| column | description |", "|---|---|"]
        lines += [f"| `{n}` | {_cell(d)} |" for n, d in v.columns]
        lines.append("")
    lines += ["## Tables", ""]
    for t in ALL_TABLES:
        lines += [f"### `{t.name}`", "", t.description, ""]
        if t.key:
            lines += [f"Key within a bulk file: `{', '.join(t.key)}`.", ""]
        lines += ["| column | type | required | description | values / example |", "|---|---|---|---|---|"]
        for f in t.fields:
            extra = ", ".join(f.values) if f.values else (f"e.g. `{f.example}`" if f.example else "")
            lines.append(
                f"| `{f.name}` | {f.duckdb_type} | {'yes' if f.required else ''} | {_cell(f.description)} | "
                f"{_cell(extra)} |"
            )
        lines.append("")
    return "\n".join(lines)
