"""An explanation (warehouse.themes.explain) as lines of text for the terminal."""

from __future__ import annotations

from collections.abc import Iterator

YES, NO = "✓", "✗"


def explanation_lines(answer: dict) -> Iterator[str]:
    yield f"{answer['pub_number']} {answer.get('title') or ''}".rstrip()
    yield f"{answer['theme']} {answer.get('theme_name') or ''}: {answer['verdict']}"
    if not answer["found"]:
        return
    yield "scope"
    for c in answer["scope"]:
        yield f"  {_mark(c['passed'])} {c['check']}: {_value(c['actual'])} (required: {_value(c['required'])})"
    for side in ("include", "exclude"):
        if answer[side]:
            yield side
        for rule in answer[side]:
            reason = f" — {rule['reason']}" if side == "exclude" else ""
            yield f"  {_mark(rule['matched'])} {rule['rule']} ({rule['condition']}){reason}"
            yield from _evidence(rule["evidence"] if not rule["parts"] else [], "      ")
            for part in rule["parts"]:
                yield f"      {_mark(part['matched'])} {part['rule']} ({part['condition']})"
                yield from _evidence(part["evidence"], "          ")
    if answer["branches"]:
        yield "branches"
    for b in answer["branches"]:
        yield f"  {_mark(b['matched'])} {b['branch']} {b['name']}"
        yield from _evidence(b["evidence"], "      ")
    if answer["quarantined"]:
        yield "quarantined by the quality checks"


def _evidence(rows: list[dict], indent: str) -> Iterator[str]:
    for e in rows:
        yield f"{indent}{e['field']}: {e['term']} → {e['value'] or ''}".rstrip(" →")


def _mark(ok: bool) -> str:
    return YES if ok else NO


def _value(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
