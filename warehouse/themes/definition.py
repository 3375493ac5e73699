"""The theme definition: what an analyst writes in YAML, validated field by field.

A rule has exactly one condition: a classification (`ipc`, `cpc`, `loc`, `wipo_field`), `keywords`,
`applicants` / `applicant_patterns`, or a combination (`all`, `any`, `not`) of rules. Top-level rules
without an id are named `include.1`, `exclude.2`, and nested ones after their parent (`kw.1`), so that
every piece of evidence names the rule that produced it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from warehouse.themes import patterns
from warehouse.themes.scope import Scope, Variants
from warehouse.themes.values import Strict, Text, as_text

TEXT_FIELDS = ("title", "abstract", "claims", "description")
DEFAULT_FIELDS = ("title", "abstract")
CONDITIONS = ("ipc", "cpc", "loc", "wipo_field", "keywords", "applicants", "applicant_patterns", "all_", "any_",
              "not_")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


Ipc = Annotated[Text, AfterValidator(lambda v: patterns.classification_key(v, "IPC") and v)]
Cpc = Annotated[Text, AfterValidator(lambda v: patterns.classification_key(v, "CPC") and v)]
Loc = Annotated[Text, AfterValidator(lambda v: patterns.classification_key(v, "LOC") and v)]
Name = Annotated[Text, AfterValidator(patterns.exact_name)]
Identifier = Annotated[str, BeforeValidator(as_text), Field(pattern=ID_PATTERN)]
WipoField = Annotated[int, Field(ge=1, le=35)]


class Keywords(Strict):
    any_: list[Text] | None = Field(None, alias="any", min_length=1)
    all_: list[Text] | None = Field(None, alias="all", min_length=1)

    @model_validator(mode="after")
    def _one_mode(self) -> Keywords:
        if (self.any_ is None) == (self.all_ is None):
            raise ValueError("write either any: [...] (one term is enough) or all: [...] (every term)")
        return self

    @property
    def mode(self) -> str:
        return "any" if self.any_ is not None else "all"

    @property
    def terms(self) -> list[str]:
        return list(dict.fromkeys(self.any_ or self.all_ or []))


class Rule(Strict):
    id: Identifier | None = None
    name: str | None = None
    ipc: list[Ipc] | None = Field(None, min_length=1)
    cpc: list[Cpc] | None = Field(None, min_length=1)
    loc: list[Loc] | None = Field(None, min_length=1)
    wipo_field: list[WipoField] | None = Field(None, min_length=1)
    main_only: bool = False
    keywords: Keywords | None = None
    fields: list[Literal[TEXT_FIELDS]] | None = Field(None, min_length=1)  # type: ignore[valid-type]
    applicants: list[Name] | None = Field(None, min_length=1)
    applicant_patterns: list[Text] | None = Field(None, min_length=1)
    all_: list[Rule] | None = Field(None, alias="all", min_length=1)
    any_: list[Rule] | None = Field(None, alias="any", min_length=1)
    not_: Rule | None = Field(None, alias="not")

    @model_validator(mode="after")
    def _one_condition(self) -> Rule:
        given = [c for c in CONDITIONS if getattr(self, c) is not None]
        if len(given) != 1:
            names = ", ".join(c.rstrip("_") for c in given) or "none"
            raise ValueError(f"a rule has exactly one condition (found: {names}); combine several with all: or any:")
        if self.fields is not None and self.keywords is None:
            raise ValueError("fields: goes with keywords:")
        if self.main_only and given[0] not in ("ipc", "cpc", "loc", "wipo_field"):
            raise ValueError("main_only: goes with a classification (ipc, cpc, loc, wipo_field)")
        return self

    @property
    def condition(self) -> str:
        return next(c for c in CONDITIONS if getattr(self, c) is not None)

    @property
    def children(self) -> list[Rule]:
        return self.all_ or self.any_ or ([self.not_] if self.not_ is not None else [])

    @property
    def text_fields(self) -> list[str]:
        return list(self.fields or DEFAULT_FIELDS)


class Exclusion(Rule):
    reason: Text = Field(description="why these publications are not part of the industry")


class Branch(Rule):
    id: Identifier
    name: Text
    branches: list[Branch] = Field(default_factory=list)


class Theme(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$")]
    name: Text
    version: int | str = 1
    description: str | None = None
    source: str | None = None
    scope: Scope = Field(default_factory=Scope)
    include: list[Rule] = Field(min_length=1)
    exclude: list[Exclusion] = Field(default_factory=list)
    branches: list[Branch] = Field(default_factory=list)
    variants: Variants = Field(default_factory=Variants)

    @model_validator(mode="after")
    def _name_rules(self) -> Theme:
        for side, rules in (("include", self.include), ("exclude", self.exclude)):
            for n, rule in enumerate(rules, 1):
                _name(rule, f"{side}.{n}")
        for branch in self.all_branches():
            _name(branch, branch.id)
        seen: set[str] = set()
        for rule in [*self.all_rules(), *(r for b in self.all_branches() for r in walk(b))]:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} is used twice; ids name the evidence, so they are unique")
            seen.add(rule.id or "")
        return self

    def all_rules(self) -> Iterator[Rule]:
        for rule in [*self.include, *self.exclude]:
            yield from walk(rule)

    def all_branches(self, branches: list[Branch] | None = None) -> Iterator[Branch]:
        for branch in self.branches if branches is None else branches:
            yield branch
            yield from self.all_branches(branch.branches)

    def digest(self) -> str:
        """sha256 of what decides membership (id, scope, rules, branches) in validated form: comments,
        layout, the name, description, version label and variants list do not change it."""
        decisive = self.model_dump(mode="json", by_alias=True, exclude_none=True,
                                   exclude={"name", "version", "description", "source", "variants"})
        canonical = json.dumps(decisive, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _name(rule: Rule, fallback: str) -> None:
    if rule.id is None:
        rule.id = fallback
    for n, child in enumerate(rule.children, 1):
        _name(child, f"{rule.id}.{'not' if rule.not_ is not None else n}")


def walk(rule: Rule) -> Iterator[Rule]:
    yield rule
    for child in rule.children:
        yield from walk(child)
