"""Theme definitions: the example validates; every problem names the file, the line and the path."""

from __future__ import annotations

import pytest

from tests.warehouse.themes.conftest import NEV_EXAMPLE, definition
from warehouse.themes.loader import DefinitionError


def problems(text: str, name: str = "nev.yaml") -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        definition(text, name)
    return caught.value.problems


def test_the_issue_example_validates_and_names_every_rule():
    theme = definition(NEV_EXAMPLE).theme
    assert [r.id for r in theme.all_rules()] == [
        "ipc-core", "kw", "battery-in-vehicle", "battery-in-vehicle.1", "battery-in-vehicle.2", "toys"]
    assert theme.include[1].keywords.terms == ["新能源汽车", "电动汽车", "混合动力汽车"]
    assert theme.include[2].children[1].text_fields == ["title", "abstract"]  # the default
    assert str(theme.scope.filing_date.from_) == "2010-01-01"


def test_an_unknown_field_names_file_line_and_path():
    text = NEV_EXAMPLE.replace("keywords: {any: [新能源汽车", "keywords: {anyy: [新能源汽车")
    assert problems(text) == ["nev.yaml:12: include[1].keywords: unknown field 'anyy' (did you mean 'any'?)"]


def test_every_problem_is_reported_with_its_line():
    text = (NEV_EXAMPLE.replace('"B60K 6"', '"B60K 6/5"')
            .replace("    reason: 玩具车不属于新能源汽车产业\n", "")
            .replace("countries: [CN]", "countries: [CN]\n  provinces: [江苏, 99]"))
    found = problems(text)
    assert found[0] == "nev.yaml:6: scope.provinces[1]: '99' is not a GB/T 2260 province code"
    assert found[1].startswith("nev.yaml:11: include[0].ipc[1]: 'B60K 6/5' is not a valid IPC pattern")
    assert found[2] == "nev.yaml:20: exclude[0]: missing field 'reason': every exclusion says why it is excluded"


@pytest.mark.parametrize(("text", "expected"), [
    ("id: t\nname: x\ninclude:\n  - ipc: [H01M]\n    keywords: {any: [a]}\n",
     "t.yaml:4: include[0]: a rule has exactly one condition (found: ipc, keywords)"),
    ("id: t\nname: x\ninclude:\n  - keywords: {any: [a], all: [b]}\n",
     "t.yaml:4: include[0].keywords: write either any: [...] (one term is enough) or all: [...] (every term)"),
    ("id: t\nname: x\ninclude:\n  - fields: [title]\n    ipc: [H01M]\n", "t.yaml:4: include[0]: fields: goes with keywords:"),
    ("id: t\nname: x\ninclude:\n  - keywords: {any: [a]}\n    fields: [titel]\n", "t.yaml:5: include[0].fields[0]: Input should be"),
    ("id: t\nname: x\ninclude:\n  - ipc: [H01M\n", "t.yaml:5: YAML syntax"),
    ("id: t\nname: x\nname: y\ninclude: [{ipc: [H01M]}]\n", "t.yaml:3: top level: duplicate key 'name'"),
    ("id: T x\nname: x\ninclude: [{ipc: [H01M]}]\n", "t.yaml:1: id: the theme id is lowercase letters"),
    ("id: t\nname: x\ninclude: [{id: \"a'; --\", ipc: [H01M]}]\n", "t.yaml:3: include[0].id: a rule id is letters"),
    ("id: t\nname: x\nscope: {filing_date: {from: 2020, to: 2010}}\ninclude: [{ipc: [H01M]}]\n",
     "t.yaml:3: scope.filing_date: from 2020-01-01 is after to 2010-12-31"),
    ("id: t\nname: x\ninclude: [{id: a, ipc: [H01M]}, {id: a, loc: ['14']}]\n", "rule id 'a' is used twice"),
    ("id: t\nname: x\ninclude: [{wipo_field: [36]}]\n", "t.yaml:3: include[0].wipo_field[0]: Input should be less"),
])
def test_problems(text, expected):
    assert any(expected in p for p in problems(text, "t.yaml")), problems(text, "t.yaml")


def test_yaml_reads_codes_as_text_and_years_as_dates():
    theme = definition("id: t\nname: x\nscope:\n  countries: [NO, cn]\n  provinces: [32, 江苏省, 广西]\n"
                       "  pub_date: {from: 2015, to: 2020}\ninclude: [{ipc: [H01M]}]\n").theme
    assert theme.scope.countries == ["NO", "cn"]
    assert theme.scope.provinces == ["32", "32", "45"]
    assert (str(theme.scope.pub_date.from_), str(theme.scope.pub_date.to)) == ("2015-01-01", "2020-12-31")


def test_digest_follows_rules_not_layout():
    base = definition(NEV_EXAMPLE)
    relaid = definition("# a comment\n" + NEV_EXAMPLE.replace('["B60L", "B60K 6"', '[B60L,   "B60K 6"'))
    renamed = definition(NEV_EXAMPLE.replace("name: 新能源汽车\nversion: 1", "name: 新能源车\nversion: 2"))
    changed = definition(NEV_EXAMPLE.replace('"B60W 20"', '"B60W 10"'))
    assert base.digest == relaid.digest == renamed.digest != changed.digest
    assert len(base.digest) == 64


def test_the_format_guide_and_the_examples_validate():
    from tests.conftest import ROOT
    from warehouse.themes.loader import load_definition

    guide = (ROOT / "themes" / "README.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert definition(example).theme.scope.provinces == ["32", "32", "33"]
    themes = {path.stem: load_definition(path).theme for path in (ROOT / "themes").glob("*.yaml")}
    assert set(themes) == {"nev", "ai", "ic", "biomed"}
    assert all("示例" in (t.description or "") for t in themes.values())
