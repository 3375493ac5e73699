"""The values of leaf rules and of the scope, bound as parameters of their templates: classification
patterns as match keys, keywords lower-cased when they have letters (the text is then lower-cased too),
applicant globs as escaped LIKE patterns."""

from __future__ import annotations

from dataclasses import dataclass

from warehouse.themes.definition import Rule
from warehouse.themes.patterns import classification_key, like_pattern
from warehouse.themes.query import Inputs
from warehouse.themes.scope import Scope
from warehouse.themes.sqltemplate import Rendered, template
from warehouse.themes.wipo import wipo_keys

_CLASS_SCHEMES = {"ipc": "IPC", "cpc": "CPC", "loc": "LOC"}


@dataclass(frozen=True)
class Options:
    province: str | None = None  # GB/T 2260 code of the province variant
    any_applicant: bool = False  # the variant's province may be any applicant's, not only the first's
    only_pub: str | None = None  # explain one publication


def leaf(rule: Rule, inputs: Inputs) -> Rendered:
    """A leaf rule (classification, keywords or applicants) as its template with values."""
    kind = rule.condition
    if kind in _CLASS_SCHEMES or kind == "wipo_field":
        scheme = _CLASS_SCHEMES.get(kind, "IPC")
        keys = wipo_keys(rule.wipo_field or []) if kind == "wipo_field" else [
            classification_key(p, scheme) for p in getattr(rule, kind)]
        return template("leaf_class").render(
            {"classes": inputs.get("classes")}, leaf_id=rule.id, scheme=scheme, main_only=rule.main_only,
            labels=[k.label for k in keys], levels=[k.level for k in keys], keys=[k.key for k in keys],
            digits=[k.digits for k in keys])
    if kind == "keywords":
        terms = list(dict.fromkeys(search_term(t) for t in rule.keywords.terms))
        return template("leaf_keywords").render(
            {"hits": inputs.hits(terms, rule.text_fields)}, leaf_id=rule.id, terms=terms, fields=rule.text_fields,
            every=rule.keywords.mode == "all")
    names, globs = rule.applicants or [], rule.applicant_patterns or []
    return template("leaf_applicants").render(
        {"applicants": inputs.get("applicants")}, leaf_id=rule.id, names=names,
        likes=[like_pattern(g) for g in globs], labels=globs)


def search_term(term: str) -> str:
    """Terms with letters are matched whatever their case: they are searched lower-cased in lower-cased
    text. Others (Chinese, digits, punctuation) are searched as written, which spares lower-casing text."""
    return term.lower() if term.lower() != term.upper() else term


def scope_checks(scope: Scope, options: Options, universe: str) -> Rendered:
    """The scope checks of the definition and the province variant, as the scope template with values."""
    filing, published = scope.filing_date, scope.pub_date
    return template("scope").render(
        {"universe": universe},
        countries=_upper(scope.countries),
        app_types=scope.app_types,
        kinds=_upper(scope.kinds),
        filing_from=filing.from_ if filing else None,
        filing_to=filing.to if filing else None,
        pub_from=published.from_ if published else None,
        pub_to=published.to if published else None,
        republications=scope.republications,
        provinces=scope.provinces,
        cities=scope.cities,
        applicant_countries=_upper(scope.applicant_countries),
        any_applicant=scope.any_applicant,
        variant_province=options.province,
        variant_any_applicant=options.any_applicant,
    )


def _upper(values: list[str] | None) -> list[str] | None:
    return None if values is None else [v.upper() for v in values]
