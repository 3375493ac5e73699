"""Explain: why a publication is in or out, from the definition and the warehouse."""

from __future__ import annotations

from tests.warehouse.themes.conftest import NEV_EXAMPLE, definition
from warehouse.themes.explain import explain
from warehouse.themes.explain_text import explanation_lines


def test_a_member_with_its_rules_terms_and_branches(theme_warehouse, nev):
    answer = explain(nev.theme, "CN116806270B", theme_warehouse)
    assert answer["in_theme"] and answer["verdict"] == "in: admitted by ipc-core, kw, battery-in-vehicle"
    assert all(c["passed"] for c in answer["scope"])
    rules = {r["rule"]: r for r in answer["include"]}
    assert {e["term"] for e in rules["ipc-core"]["evidence"]} == {"B60L", "H01M 10/0525"}
    assert [(p["rule"], p["matched"]) for p in rules["battery-in-vehicle"]["parts"]] == [
        ("battery-in-vehicle.1", True), ("battery-in-vehicle.2", True)]
    assert [(b["branch"], b["matched"]) for b in answer["branches"]] == [("battery", True), ("motor", False)]
    assert answer["exclude"] == [{"rule": "toys", "name": None, "condition": "keywords", "matched": False, "evidence": [],
                                  "parts": [], "reason": "玩具车不属于新能源汽车产业"}]
    text = "\n".join(explanation_lines(answer))
    assert "✓ kw (keywords)" in text and "title: 电动汽车 → 一种电动汽车动力电池的热管理方法" in text


def test_out_of_scope_names_the_failed_checks(theme_warehouse, nev):
    answer = explain(nev.theme, "CN307654321S", theme_warehouse, province="32")
    assert not answer["in_theme"]
    assert answer["verdict"] == "out: outside the scope (app_types, variant)"
    failed = {c["check"]: c for c in answer["scope"] if not c["passed"]}
    assert failed["app_types"]["actual"] == "design" and failed["variant"] == {
        "check": "variant", "passed": False, "required": "32", "actual": "44"}


def test_excluded_and_unmatched(theme_warehouse):
    toys = definition(NEV_EXAMPLE.replace("any: [玩具]", "any: [热管理]"))
    answer = explain(toys.theme, "CN116806270B", theme_warehouse)
    assert answer["verdict"] == "out: excluded by toys"
    assert answer["exclude"][0]["evidence"][0]["term"] == "热管理"
    valve = explain(toys.theme, "CN219801493U", theme_warehouse)
    assert valve["verdict"] == "out: no include rule matched" and not any(r["matched"] for r in valve["include"])
    missing = explain(toys.theme, "CN000000000A", theme_warehouse)
    assert not missing["found"] and "not in the warehouse" in missing["verdict"]
