"""Shared XML helpers: prefixed paths, text joining, element counting."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from sources.xml import ClarkPaths, count_tags, element_text, local_counts, parse_bytes

NS = {"a": "urn:a", "b": "urn:b"}
P = ClarkPaths(NS)

DOC = b"""<a:root xmlns:a="urn:a" xmlns:b="urn:b">
  <a:block><b:other>x</b:other></a:block>
  <a:block><b:name>second</b:name></a:block>
  <a:block><b:name>third</b:name></a:block>
  <a:item>1</a:item><a:item>2</a:item>
</a:root>"""


@pytest.fixture
def root():
    return parse_bytes(DOC)


def test_prefixed_paths_become_clark_notation():
    assert P["a:block/b:name"] == "{urn:a}block/{urn:b}name"
    assert P[".//a:item"] == ".//{urn:a}item"
    assert P["plain/path"] == "plain/path"


@pytest.mark.parametrize("path", ["a:item", "a:block/b:name", "a:block/b:other", ".//b:name", "a:missing",
                                  "a:block/b:missing", "a:block/b:name/a:deeper"])
def test_find_agrees_with_elementpath(root, path):
    expected = root.find(path, NS)
    found = P.find(root, path)
    assert (found is None) == (expected is None)
    if expected is not None:
        assert found is expected


def test_find_looks_past_a_first_branch_without_the_path(root):
    # the first a:block has no b:name: the first match in document order is in the second block
    assert P.find(root, "a:block/b:name").text == "second"


def test_element_text_joins_lines_between_chinese_characters():
    el = etree.fromstring("<p>一种热管，所述炉膛\n\t\t\t<br/>表面；换热\n   <br/>管。\n<br/></p>")
    assert element_text(el) == "一种热管，所述炉膛表面；换热管。"


def test_element_text_keeps_one_space_between_latin_words():
    el = etree.fromstring("<p>heat\n    pipe  with\u00a0a\ttube<sub>2</sub> </p>")
    assert element_text(el) == "heat pipe with a tube2"


def test_element_counts_by_local_name(root):
    tags: Counter = Counter()
    count_tags(tags, root)
    count_tags(tags, root)
    assert local_counts(tags) == Counter({"root": 2, "block": 6, "other": 2, "name": 4, "item": 4})
