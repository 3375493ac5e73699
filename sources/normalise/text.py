"""Text values as the offices write them: filler markers, stray control characters, mixed widths."""

from __future__ import annotations

import re
from collections.abc import Iterable

# C0 controls that are not whitespace, DEL, and the invisible BOM / zero-width space that
# survive concatenation of XML text nodes and make equal strings compare unequal.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f\ufeff\u200b]")
# Unicode whitespace: ASCII blanks, the whitespace C0 controls, NBSP and the ideographic space U+3000.
_WHITESPACE = re.compile(r"\s+")
# What `clean` has to rewrite: an invisible character, a whitespace run, or whitespace other than " ".
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0e-\x1b\x7f\ufeff\u200b]|\\s\\s|[^\\S ]")

_FULLWIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_MIDDLE_DOTS = {ord(dot): "·" for dot in "•・‧･∙⋅"}
_NAME_TABLE = {**_FULLWIDTH_ASCII, **_MIDDLE_DOTS}

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A cleaned name without any of these is already in normal form.
_NAME_VARIANTS = re.compile(r"[\s\uff01-\uff5e•・‧･∙⋅]")
_SPACE_BEFORE_BRACKET = re.compile(rf"(?<=[{_CJK}])\s+(?=\()")
_SPACE_INSIDE_BRACKETS = re.compile(r"(?<=\()\s+|\s+(?=\))")
_SPACE_AROUND_DOT = re.compile(r"\s*·\s*")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def is_filler(value: str | None) -> bool:
    """True for values that stand for "unknown": None, blank, or all zeros ("0", "00000000", "0000000000").

    CNIPA writes missing fields as the literal `0` and missing dates or codes as runs of zeros.
    """
    return value is None or not value.strip().strip("0")


def clean(value: str | None) -> str | None:
    """Strip, drop control characters, collapse each whitespace run to one space; None for fillers.

    Whitespace controls (tab, newline) become spaces rather than disappearing, so words on either side of
    a line break stay apart.
    """
    if value is None:
        return None
    if _NEEDS_CLEANING.search(value):
        value = _WHITESPACE.sub(" ", _INVISIBLE.sub("", value))
    text = value.strip()
    return text if text.strip("0") else None


def normalise_name(value: str | None) -> str | None:
    """`clean` a party name and fold the width and punctuation variants of the same name together.

    * Full-width ASCII (U+FF01-U+FF5E) becomes half-width, brackets included: CNIPA writes the same firm as
      "事务所（普通合伙）" and "事务所(普通合伙)", and only one bracket style lets them match. The ideographic
      space becomes an ordinary space.
    * Spaces between a Chinese character and "(", and just inside brackets, are dropped: they carry no
      meaning in Chinese names and are written inconsistently.
    * The middle dot of transliterated names ("D·P·盖特利") is kept; its look-alikes (• ・ ‧ ･ ∙ ⋅) become
      U+00B7 and spaces around it are dropped.
    * Spaces between two Chinese characters are dropped: "李　明" pads a two-character name to the width
      of three and is the same person as "李明".
    * Nothing else is changed: no case folding, no compatibility (NFKC) mapping, which would also rewrite
      characters such as ㈱ or ① that are part of some names.
    """
    text = clean(value)
    if text is None or not _NAME_VARIANTS.search(text):
        return text
    text = text.translate(_NAME_TABLE)
    text = _SPACE_BEFORE_BRACKET.sub("", text)
    text = _SPACE_INSIDE_BRACKETS.sub("", text)
    text = _SPACE_AROUND_DOT.sub("·", text)
    text = _SPACE_BETWEEN_CJK.sub("", text)
    return clean(text)


def join_text(parts: Iterable[str]) -> str:
    """Concatenate text fragments without separators, then `clean`; "" when nothing is left.

    Meant for lxml `itertext()`: `<br/>`, `<sub>` and `<sup>` split words and Chinese sentences, so inserting
    a space between fragments would corrupt them.
    """
    return clean("".join(part for part in parts if part)) or ""
