"""A theme definition compiled to one SQL query with bound parameters.

Each node of the rule tree becomes a named CTE rendered from the template of its type; every value
(patterns, terms, names, dates) is a parameter. Each leaf yields evidence rows (pub_number, leaf_id,
field, term, value); `any` is their union, `all` keeps the publications present in every child, `not`
is the candidates minus the child. The query returns the evidence of every top-level rule and branch as
(side, rule_id, pub_number, leaf_id, field, term, value): include evidence over the scope, exclusions
and branches over the publications some include rule admitted (branches: not excluded either).

With `only_pub` (explain), the universe is that one publication, the scope does not filter it, and every
rule and branch is evaluated on it, so that the answer can say which matched and which did not.
"""

from __future__ import annotations

from warehouse.themes.definition import Branch, Rule, Theme, walk
from warehouse.themes.leaves import Options, leaf, scope_checks
from warehouse.themes.query import Inputs, Query
from warehouse.themes.sqltemplate import Rendered, intersect, template, union

EVIDENCE_COLUMNS = ("side", "rule_id", "pub_number", "leaf_id", "field", "term", "value")
__all__ = ["EVIDENCE_COLUMNS", "Options", "compile_scope_checks", "compile_theme"]


def compile_theme(theme: Theme, options: Options | None = None) -> Rendered:
    options = options or Options()
    explain = options.only_pub is not None
    q = Query(explain)
    universe = q.add(template("universe").render(only_pub=options.only_pub), "universe")
    checks = q.add(scope_checks(theme.scope, options, universe), "scope_checks", materialized=True)
    scope = universe if explain else q.add(template("scope_passed").render({"checks": checks}), "scope", True)
    inputs = Inputs(q, scope, "in", search_all=not explain)
    include = [_side(q, "include", r, _node(q, r, inputs), scope) for r in theme.include]
    included = scope if explain else q.add(_distinct(include), "included", True)
    narrowed = inputs if explain else inputs.narrowed(included, "inc")
    exclude = [_side(q, "exclude", r, _node(q, r, narrowed), included) for r in theme.exclude]
    excluded = q.add(_distinct(exclude) if exclude else template("nothing").render(), "excluded")
    members = scope if explain else q.add(
        template("minus").render({"relation": included, "without": excluded}), "members_pre", True)
    sides = [*include, *exclude, *_branches(q, theme.branches, narrowed, members)]
    if explain:  # every nested rule too, so that the explanation can say which parts matched
        sides += [_side(q, "nested", r, q.nodes[r.id], scope) for top in [*theme.include, *theme.exclude]
                  for r in walk(top) if r is not top]
    return q.render(f"select {', '.join(EVIDENCE_COLUMNS)} from (\n{union(sides)}\n)")


def compile_scope_checks(theme: Theme, options: Options) -> Rendered:
    """The scope checks of one publication (options.only_pub), whatever their outcome."""
    q = Query()
    universe = q.add(template("universe").render(only_pub=options.only_pub), "universe")
    q.add(scope_checks(theme.scope, options, universe), "scope_checks")
    return q.render("select * from scope_checks")


def _distinct(sides: list[str]) -> Rendered:
    return template("distinct_pubs").render({"relations": union(sides, "pub_number")})


def _side(q: Query, side: str, rule: Rule, node: str, within: str) -> str:
    return q.add(template("side").render({"node": node, "within": within}, side=side, rule_id=rule.id))


def _branches(q: Query, branches: list[Branch], inputs: Inputs, within: str) -> list[str]:
    sides = []
    for branch in branches:
        side = _side(q, "branch", branch, _node(q, branch, inputs), within)
        sides += [side, *_branches(q, branch.branches, inputs, side)]
    return sides


def _node(q: Query, rule: Rule, inputs: Inputs) -> str:
    q.nodes[rule.id] = name = _make_node(q, rule, inputs)
    return name


def _make_node(q: Query, rule: Rule, inputs: Inputs) -> str:
    kind = rule.condition
    if kind == "any_":
        return q.add(template("node_any").render({"children": union([_node(q, c, inputs) for c in rule.children])}))
    if kind == "all_":
        return q.add(template("node_all").render(_all_children(q, rule, inputs)))
    if kind == "not_":
        child = _node(q, rule.children[0], inputs)
        return q.add(template("node_not").render({"candidates": inputs.candidates, "child": child},
                                                 leaf_id=rule.id, child_id=rule.children[0].id))
    return q.add(leaf(rule, inputs))


def _all_children(q: Query, rule: Rule, inputs: Inputs) -> dict[str, str]:
    """The children of `all`, cheap conditions first; each later child only looks at the publications the
    earlier ones matched, so that keywords are searched in the few texts that can still qualify. Explain
    evaluates every child on its own, to say which parts match."""
    children, narrowed = [], inputs
    for child in sorted(rule.children, key=_cost):
        children.append(_node(q, child, narrowed))
        if not q.explain:
            narrowed = inputs.narrowed(children[-1], children[-1])
    return {"children": union(children), "common": intersect(children)}


def _cost(rule: Rule) -> tuple[int, bool]:
    return sum(1 for r in walk(rule) if r.keywords is not None), rule.not_ is not None
