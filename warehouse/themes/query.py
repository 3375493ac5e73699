"""The query a definition compiles to, assembled as named CTEs, and the relations its leaves read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from warehouse.themes.sqltemplate import Rendered, relation, template


@dataclass
class Query:
    explain: bool = False
    ctes: list[tuple[str, Rendered | Callable[[], Rendered], str]] = field(default_factory=list)
    nodes: dict[str, str] = field(default_factory=dict)  # rule id → CTE of its evidence

    def add(self, rendered: Rendered | Callable[[], Rendered], name: str | None = None,
            materialized: bool | None = None) -> str:
        """Append a CTE; a callable is rendered only by `render`, once everything it depends on is known."""
        name = relation(name or f"n{len(self.ctes) + 1}")
        hint = {True: "materialized ", False: "not materialized ", None: ""}[materialized]
        self.ctes.append((name, rendered, hint))
        return name

    def render(self, final: str) -> Rendered:
        ctes = [(name, r if isinstance(r, Rendered) else r(), hint) for name, r, hint in self.ctes]
        parts = [f"{name} as {hint}(\n{r.sql}\n)" for name, r, hint in ctes]
        params: list[Any] = [p for _, r, _ in ctes for p in r.params]
        return Rendered("with\n" + ",\n".join(parts) + "\n" + final, params)


class Vocabulary:
    """The keyword terms searched in each field of a candidate set: one pass over the text finds them all.
    Terms with letters arrive lower-cased (leaves.search_term) and are searched in lower-cased text."""

    def __init__(self) -> None:
        self.terms: dict[str, set[str]] = {}

    def add(self, terms: list[str], fields: list[str]) -> None:
        for f in fields:
            self.terms.setdefault(f, set()).update(terms)

    def values(self) -> dict[str, list]:
        fields = sorted(self.terms)
        cased = [{t for t in self.terms[f] if t.lower() != t.upper()} for f in fields]
        return {"fields": fields,
                "exact_terms": [sorted(self.terms[f] - c) for f, c in zip(fields, cased, strict=True)],
                "folded_terms": [sorted(c) for c in cased]}


class Inputs:
    """The relations that leaves read, created on first use from a candidate relation (pub_number,
    file_id): keyword hits, classification symbols and applicant names. `narrowed` gives the inputs of
    the candidates that are also in another relation, read afresh from the warehouse tables: joining a
    small candidate set first leaves little text to search. The whole scope (`search_all`) is searched the
    other way round: all text first, then the few hits are kept for the candidates."""

    def __init__(self, q: Query, candidates: str, tag: str, search_all: bool = False):
        self.q, self.candidates, self.tag, self.search_all = q, candidates, tag, search_all
        self.vocabulary = Vocabulary()
        self._made: dict[str, str] = {}

    def get(self, kind: str) -> str:
        if kind not in self._made:
            self._made[kind] = self._hits() if kind == "hits" else self.q.add(
                template(kind).render({"candidates": self.candidates}), f"{kind}_{self.tag}")
        return self._made[kind]

    def hits(self, terms: list[str], fields: list[str]) -> str:
        """The keyword hits relation, which will also search these terms in these fields."""
        self.vocabulary.add(terms, fields)
        return self.get("hits")

    def _hits(self) -> str:
        source = template("text_all").render() if self.search_all else template("text").render(
            {"candidates": self.candidates})
        # Text is streamed, never held: it is the bulk of the data. The hits are few and read by every
        # keyword rule.
        text = self.q.add(source, f"text_{self.tag}", materialized=False)
        slots = {"text": text, "candidates": self.candidates}
        return self.q.add(lambda: template("keyword_hits").render(slots, **self.vocabulary.values()),
                          f"hits_{self.tag}", materialized=True)

    def narrowed(self, within: str, tag: str) -> Inputs:
        candidates = self.q.add(template("restrict").render({"relation": self.candidates, "within": within}),
                                f"candidates_{tag}")
        return Inputs(self.q, candidates, tag)
