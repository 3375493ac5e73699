"""SQL templates of `warehouse/sql/themes/`: values are bound parameters, relations are placeholders.

A template declares its parameters once, as `?::type as name` (usually in a one-row CTE `a`), and is
rendered with values by name, so positional binding cannot drift from the text. `{{name}}` placeholders
take relation names that the compiler generates (CTE names such as `n3`, `scope`) or SQL that it composes
from such names only; user text never reaches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from warehouse.db import sql

_ARG = re.compile(r"\?::[\w\[\]]+\s+as\s+(\w+)", re.IGNORECASE)
_SLOT = re.compile(r"\{\{(\w+)\}\}")
_RELATION = re.compile(r"[a-z_][a-z0-9_.]*")


@dataclass(frozen=True)
class Rendered:
    sql: str
    params: list[Any]


@dataclass(frozen=True)
class Template:
    name: str
    text: str
    args: tuple[str, ...]
    slots: frozenset[str]

    def render(self, relations: dict[str, str] | None = None, **values: Any) -> Rendered:
        relations = relations or {}
        if set(relations) != self.slots:
            raise ValueError(f"template {self.name}: relations {sorted(relations)} != {sorted(self.slots)}")
        if set(values) != set(self.args):
            raise ValueError(f"template {self.name}: values {sorted(values)} != {sorted(self.args)}")
        text = _SLOT.sub(lambda m: relations[m[1]], self.text)
        return Rendered(text, [values[arg] for arg in self.args])


@cache
def template(name: str) -> Template:
    text = sql(f"themes/{name}").strip().rstrip(";")
    args = tuple(_ARG.findall(text))
    if text.count("?") != len(args):
        raise ValueError(f"template {name}: every parameter is written ?::type as name")
    return Template(name, text, args, frozenset(_SLOT.findall(text)))


def relation(name: str) -> str:
    """A generated relation name, checked: placeholders never receive anything else."""
    if not _RELATION.fullmatch(name):
        raise ValueError(f"not a relation name: {name!r}")
    return name


def quote_identifier(name: str) -> str:
    """A quoted SQL identifier (a database named after its file can hold any character)."""
    return '"' + name.replace('"', '""') + '"'


def union(relations: list[str], columns: str = "*") -> str:
    """`select … from r1 union all select … from r2` over generated relation names."""
    if columns not in ("*", "pub_number"):
        raise ValueError(columns)
    return "\nunion all\n".join(f"select {columns} from {relation(r)}" for r in relations)


def intersect(relations: list[str]) -> str:
    return "\nintersect\n".join(f"select pub_number from {relation(r)}" for r in relations)
