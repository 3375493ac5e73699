"""Patterns as analysts write them → the level they match at."""

from __future__ import annotations

import pytest

from warehouse.themes.patterns import classification_key, like_pattern


@pytest.mark.parametrize(("pattern", "scheme", "level", "key", "digits"), [
    ("B60L", "IPC", "subclass", "B60L", ""),
    ("B60K 6", "IPC", "group", "B60K 6", ""),
    ("B60K06", "IPC", "group", "B60K 6", ""),
    ("H01M 10/0525", "IPC", "subgroup", "H01M 10", "0525"),
    ("H01M10/05*", "IPC", "subgroup", "H01M 10", "05"),
    ("G06F40*", "IPC", "group", "G06F 40", ""),
    ("H01M 10/00", "IPC", "symbol", "H01M 10/00", ""),
    ("H01M 10/00*", "IPC", "group", "H01M 10", ""),
    ("H01", "IPC", "class", "H01", ""),
    ("H", "IPC", "section", "H", ""),
    ("ｈ01ｍ", "IPC", "subclass", "H01M", ""),
    ("Y02E 60/10", "CPC", "subgroup", "Y02E 60", "10"),
    ("14-03", "LOC", "symbol", "14-03", ""),
    ("1403", "LOC", "symbol", "14-03", ""),
    ("14", "LOC", "loc_class", "14", ""),
    ("6", "LOC", "loc_class", "06", ""),
])
def test_levels(pattern, scheme, level, key, digits):
    k = classification_key(pattern, scheme)
    assert (k.level, k.key, k.digits, k.label) == (level, key, digits, pattern)


@pytest.mark.parametrize(("pattern", "scheme"), [
    ("B60K 0", "IPC"), ("H01M 10/5", "IPC"), ("Y02E", "IPC"), ("X01", "IPC"), ("H01M;drop", "IPC"), ("14-99x", "LOC"),
])
def test_not_patterns(pattern, scheme):
    with pytest.raises(ValueError, match="is not a valid"):
        classification_key(pattern, scheme)


def test_globs_become_escaped_like_patterns():
    assert like_pattern("*大学*") == "%大学%"
    assert like_pattern("华为?") == "华为_"
    assert like_pattern("100%_\\*") == "100\\%\\_\\\\%"
    assert like_pattern("*（上海）*") == "%(上海)%"  # normalised like the stored names
