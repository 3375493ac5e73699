"""Safe XML parsing and text extraction shared by every source adapter.

The parser never touches the network, never loads a DTD and never expands external entities; libxml2
stops entity-expansion bombs itself. Named entities that only an absent DTD defines stay as entity
nodes and are resolved from a local table by the caller (`entity_text`).
"""

from __future__ import annotations

import html.entities
import re
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter

from lxml import etree

from sources.base import DocumentError

PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)

_HTML5 = {name.rstrip(";"): value for name, value in html.entities.html5.items()}


class UnknownEntity(DocumentError):
    """A named entity that no available table defines."""

    def __init__(self, name: str):
        super().__init__(f"unknown entity &{name}; (not in the delivery's entity table nor in HTML5)", "parse")


def parse_bytes(data: bytes) -> etree._Element:
    """Parse one document given as bytes (honours the BOM and the declared encoding)."""
    return etree.fromstring(data, PARSER)


class ClarkPaths(dict):
    """ElementPath paths with namespace prefixes, rewritten once into Clark notation (`{uri}name`).

    lxml finds a Clark path faster than the same path with a prefix map, which it re-keys on every call.
    `find` is faster still for the commonest paths, plain child steps ("a/b/c"), which it walks directly.
    """

    _PREFIX = re.compile(r"([A-Za-z_][\w.-]*):(?=[A-Za-z_])")
    _CHILD_STEPS = re.compile(r"[A-Za-z_][\w.:-]*(?:/[A-Za-z_][\w.:-]*)*")

    def __init__(self, namespaces: dict[str, str]):
        super().__init__()
        self.namespaces = namespaces
        self._steps: dict[str, tuple[str, ...] | None] = {}

    def __missing__(self, path: str) -> str:
        clark = self._clark(path)
        self[path] = clark
        self._steps[path] = (tuple(map(self._clark, path.split("/"))) if self._CHILD_STEPS.fullmatch(path)
                             else None)
        return clark

    def _clark(self, path: str) -> str:
        return self._PREFIX.sub(lambda m: "{" + self.namespaces[m.group(1)] + "}", path)

    def find(self, el: etree._Element, path: str) -> etree._Element | None:
        """`el.find(path)`: the first match in document order, or None."""
        clark = self[path]
        steps = self._steps[path]
        if steps is None:
            return el.find(clark)
        found = el
        for depth, tag in enumerate(steps):
            found = next(found.iterchildren(tag), None)
            if found is None:
                # the first branch ends early; a later sibling branch may still hold the path
                return el.find(clark) if depth else None
        return found

    def findall(self, el: etree._Element, path: str) -> list[etree._Element]:
        """`el.findall(path)`: every match, in document order."""
        clark = self[path]
        steps = self._steps[path]
        if steps is None:
            return el.findall(clark)
        found = [el]
        for tag in steps:
            found = [child for parent in found for child in parent.iterchildren(tag)]
            if not found:
                break
        return found


def localname(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def entity_text(name: str, table: dict[str, str] | None = None) -> str:
    if table is not None and name in table:
        return table[name]
    if name in _HTML5:
        return _HTML5[name]
    raise UnknownEntity(name)


_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Pretty-printing puts a newline and indentation inside sentences (around <br/>). Between CJK characters
# that run carries no meaning; elsewhere it is one space.
_NEWLINE_RUN = re.compile(r"[ \t\r]*\n\s*")
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\u0001|\u0001(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u00a0]+")
_ENTITY_REF = re.compile(r"&[A-Za-z][\w.-]*;")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _tidy(text: str) -> str:
    # each pass only where its pattern can occur: substring tests cost far less than a regex scan
    if "\n" in text:
        text = _NEWLINE_RUN.sub("\u0001", text)
        text = _CJK_GAP.sub("", text).replace("\u0001", " ")
    if not text.isprintable():
        text = _CONTROL.sub("", text)
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def element_text(el: etree._Element | None, *, entities: dict[str, str] | None = None) -> str:
    """All text below `el`, joined without inserted spaces (`<br/>`, `<sub>` split words in CN text)."""
    if el is None:
        return ""
    if len(el) == 0:  # the common case: a leaf with plain text
        text = el.text or ""
        if "\n" in text:
            return _tidy(text)
        if "  " in text or "\t" in text or "\u00a0" in text:
            text = _SPACES.sub(" ", text)
        return text.strip()
    text = "".join(el.itertext())
    if "&" in text and _ENTITY_REF.search(text):
        # entity nodes left by a parser without the DTD: resolve them one by one
        parts: list[str] = []
        _collect(el, parts, entities, top=True)
        text = "".join(parts)
    return _tidy(text)


def _collect(el, parts: list[str], entities, top: bool) -> None:
    if isinstance(el, etree._Entity):
        parts.append(entity_text(el.name, entities))
    elif isinstance(el.tag, str):
        if localname(el) == "br":
            # a printed line end: drop it and the indentation around it
            if parts:
                parts[-1] = parts[-1].rstrip()
            parts.append("\u0002")
        else:
            if el.text:
                parts.append(el.text)
            for child in el:
                _collect(child, parts, entities, top=False)
    if not top and el.tail:
        tail = el.tail
        if parts and parts[-1] == "\u0002":
            parts.pop()
            tail = tail.lstrip()
        parts.append(tail)
    if parts and parts[-1] == "\u0002" and top:
        parts.pop()


_TAG = attrgetter("tag")


def count_tags(tags: Counter, root: etree._Element) -> None:
    """Add the tag of every element of a document to `tags` (counted in C, no per-element Python)."""
    tags.update(map(_TAG, root.iter()))


def local_counts(tags: Counter) -> Counter:
    """Counts by Clark tag (`{uri}name`) → counts by local name; entity nodes are left out."""
    out: Counter = Counter()
    for tag, n in tags.items():
        if isinstance(tag, str):
            out[tag.rsplit("}", 1)[-1]] += n
    return out


def join_paragraphs(texts: Iterable[str]) -> str:
    """Paragraphs of a section, one per line."""
    return "\n".join(t for t in texts if t)
