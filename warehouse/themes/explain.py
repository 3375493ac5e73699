"""Why a publication is in or out of a theme: each scope check with the publication's value, each include
and exclude rule (and its nested parts) matched or not with what matched, the branches, the quarantine.

It evaluates the definition on the warehouse for that one publication, so it answers for definitions not
built yet and for publications loaded since the last build.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.db import connect
from warehouse.themes import regions
from warehouse.themes.compile import EVIDENCE_COLUMNS, Options, compile_scope_checks, compile_theme
from warehouse.themes.definition import Rule, Theme, walk
from warehouse.themes.membership import prepare_quarantine
from warehouse.themes.scope import Scope
from warehouse.themes.sqltemplate import template

# scope check → the publication's value it looks at: (first applicant's, any applicant's)
_CHECKS = {
    "countries": ("country", None),
    "app_types": ("app_type", None),
    "kinds": ("kind", None),
    "filing_date": ("filing_date", None),
    "pub_date": ("pub_date", None),
    "republications": ("is_republication", None),
    "provinces": ("first_province", "all_provinces"),
    "cities": ("first_city", "all_cities"),
    "applicant_countries": ("first_country", "all_countries"),
    "variant": ("first_province", "all_provinces"),
}


def explain(theme: Theme, pub_number: str, warehouse: str | Path, province: str | None = None,
            any_applicant: bool = False) -> dict:
    options = Options(regions.province_code(province) if province else None, any_applicant, pub_number.strip())
    con = connect(warehouse, read_only=True)
    try:
        prepare_quarantine(con)
        checks = _one(con, compile_scope_checks(theme, options))
        if checks is None:
            return {"pub_number": options.only_pub, "theme": theme.id, "found": False, "in_theme": False,
                    "verdict": "not in the warehouse (no current version of this publication)"}
        rendered = compile_theme(theme, options)
        evidence = [dict(zip(EVIDENCE_COLUMNS, row, strict=True))
                    for row in con.execute(rendered.sql, rendered.params).fetchall()]
        facts = template("explain_facts").render(pub_number=options.only_pub, file_id=checks["file_id"])
        title, quarantined = con.execute(facts.sql, facts.params).fetchone()
    finally:
        con.close()
    return _verdict(theme, options, checks, evidence, quarantined, title)


def _one(con: duckdb.DuckDBPyConnection, rendered) -> dict | None:
    cur = con.execute(rendered.sql, rendered.params)
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def _verdict(theme: Theme, options: Options, checks: dict, evidence: list[dict], quarantined: bool,
             title: str | None) -> dict:
    scope = [_check(name, theme.scope, options, checks) for name in _CHECKS]
    scope = [c for c in scope if c["required"] is not None or not c["passed"]]
    include = [_rule(r, "include", evidence) for r in theme.include]
    exclude = [{**_rule(r, "exclude", evidence), "reason": r.reason} for r in theme.exclude]
    branches = [{"branch": b.id, "name": b.name, "matched": any(_hits(evidence, "branch", b.id)),
                 "evidence": _hits(evidence, "branch", b.id)} for b in theme.all_branches()]
    failed = [c["check"] for c in scope if not c["passed"]]
    admitted = [r["rule"] for r in include if r["matched"]]
    removed = [r["rule"] for r in exclude if r["matched"]]
    if failed:
        verdict = f"out: outside the scope ({', '.join(failed)})"
    elif not admitted:
        verdict = "out: no include rule matched"
    elif removed:
        verdict = f"out: excluded by {', '.join(removed)}"
    elif quarantined:
        verdict = "out: held back by the quality quarantine (in with --include-quarantined)"
    else:
        verdict = f"in: admitted by {', '.join(admitted)}"
    return {"pub_number": options.only_pub, "title": title, "theme": theme.id, "theme_name": theme.name,
            "found": True, "in_theme": verdict.startswith("in"), "verdict": verdict, "scope": scope,
            "include": include, "exclude": exclude, "branches": [b for b in branches if b["matched"]] + [
                b for b in branches if not b["matched"]], "quarantined": quarantined}


def _check(name: str, scope: Scope, options: Options, checks: dict) -> dict:
    first, any_ = _CHECKS[name]
    if name == "variant":
        required, anyone = options.province, options.any_applicant
    elif name in ("filing_date", "pub_date"):
        required, anyone = _range(getattr(scope, name)), False
    elif name == "republications":
        required, anyone = (None if scope.republications else "not a republication"), False
    else:
        required, anyone = getattr(scope, name), scope.any_applicant
    return {"check": name, "passed": bool(checks[f"ok_{name}"]), "required": required,
            "actual": checks[any_ if anyone and any_ else first]}


def _rule(rule: Rule, side: str, evidence: list[dict]) -> dict:
    parts = [{"rule": r.id, "condition": r.condition.rstrip("_"), "matched": any(_hits(evidence, "nested", r.id)),
              "evidence": _hits(evidence, "nested", r.id)} for r in walk(rule) if r is not rule]
    hits = _hits(evidence, side, rule.id)
    return {"rule": rule.id, "name": rule.name, "condition": rule.condition.rstrip("_"), "matched": bool(hits),
            "evidence": hits, "parts": parts}


def _hits(evidence: list[dict], side: str, rule_id: str) -> list[dict]:
    keys = ("leaf_id", "field", "term", "value")
    return sorted(({k: e[k] for k in keys} for e in evidence if e["side"] == side and e["rule_id"] == rule_id),
                  key=lambda e: tuple(str(e[k]) for k in keys))


def _range(dates) -> str | None:
    if dates is None:
        return None
    return f"{dates.from_ or '…'} – {dates.to or '…'}"
