"""Reading a theme definition file, with errors that name the file, the line and the problem:

    nev.yaml:12: include[1].keywords: unknown field 'anyy' (did you mean 'any'?)

Lines come from a path→line map built from the YAML node tree (`yaml.compose`). The YAML dialect is the
safe one with YAML 1.2 booleans: only true/false are booleans, so country codes such as NO or ON stay text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from warehouse.themes.definition import Branch, Exclusion, Keywords, Theme
from warehouse.themes.scope import DateRange, Scope, Variants

_BOOL = "tag:yaml.org,2002:bool"


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

_KNOWN_KEYS = sorted({f.alias or name for model in (Theme, Scope, DateRange, Variants, Exclusion, Branch, Keywords)
                      for name, f in model.model_fields.items()})


class DefinitionError(ValueError):
    """A definition that cannot be used; `problems` holds one "file:line: path: problem" per error."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Definition:
    theme: Theme
    text: str
    path: Path | None

    @property
    def digest(self) -> str:
        return self.theme.digest()


def load_definition(path: str | Path) -> Definition:
    path = Path(path)
    return parse_definition(path.read_text(encoding="utf-8"), path)


def parse_definition(text: str, path: Path | None = None) -> Definition:
    name = path.name if path else "<definition>"
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise DefinitionError([f"{name}:{line}: YAML syntax: {exc.problem or exc}"]) from None
    lines: dict[tuple, int] = {(): 1}
    problems: list[str] = []
    if node is not None:
        _map_lines(node, (), lines, problems, name)
    if not isinstance(data, dict):
        raise DefinitionError([f"{name}:1: a theme definition is a mapping (id:, name:, include: …)"])
    if problems:
        raise DefinitionError(problems)
    try:
        theme = Theme.model_validate(data)
    except ValidationError as exc:
        raise DefinitionError([_describe(e, lines, name) for e in exc.errors()]) from None
    return Definition(theme, text, path)


def _map_lines(node: yaml.Node, path: tuple, lines: dict[tuple, int], problems: list[str], name: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            here = (*path, key.value)
            lines[here] = key.start_mark.line + 1
            if key.value in seen:
                problems.append(f"{name}:{lines[here]}: {_path(path) or 'top level'}: duplicate key {key.value!r}")
            seen.add(key.value)
            _map_lines(value, here, lines, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            lines[(*path, n)] = item.start_mark.line + 1
            _map_lines(item, (*path, n), lines, problems, name)


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line(loc: tuple, lines: dict[tuple, int]) -> int:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _describe(error: dict, lines: dict[tuple, int], name: str) -> str:
    loc = tuple(error["loc"])
    kind, last = error["type"], (loc[-1] if loc else "")
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(last), _KNOWN_KEYS, n=1, cutoff=0.7)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{name}:{_line(loc, lines)}: {_path(loc[:-1]) or 'top level'}: unknown field {last!r}{hint}"
    if kind == "missing":
        why = ": every exclusion says why it is excluded" if last == "reason" else ""
        return f"{name}:{_line(loc[:-1], lines)}: {_path(loc[:-1]) or 'top level'}: missing field {last!r}{why}"
    message = error["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and loc == ("id",):
        message = "the theme id is lowercase letters, digits, '-' or '_' (it names the output files)"
    elif kind == "string_pattern_mismatch" and last == "id":
        message = "a rule id is letters, digits, '-', '_' or '.'"
    return f"{name}:{_line(loc, lines)}: {_path(loc) or 'top level'}: {message}"
