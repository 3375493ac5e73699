"""The one interface every bulk format implements.

An adapter module exposes:

- `NAME`: a short name recorded in the manifest (`cnipa`, `uspto`, `docdb`);
- `detect(head: bytes) -> bool`: whether the first bytes of an XML file belong to this format;
- `iter_documents(stream, member) -> Iterator[RawDocument]`: cut one XML file into documents,
  streaming (one CNIPA file is one document; a USPTO weekly file holds thousands);
- `parse(doc: RawDocument, options: ParseOptions) -> Record`: the rows of one document, keyed by the
  table names of `schemas.model`, without `file_id` (the loader adds it), plus optionally
  `ELEMENTS`: the document's root element, whose element names feed the format-drift checks.

Parsing raises `DocumentError` (or lets lxml's `XMLSyntaxError` through) for a document that cannot be
loaded; the caller turns that into a reject and carries on with the next document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]
Record = dict[str, list[Row]]
# Optional extra key of a Record: the document's root element; the caller counts the element names below
# it (format drift), once per work unit rather than once per document.
ELEMENTS = "_elements"


@dataclass(frozen=True)
class ParseOptions:
    full_text: bool = False  # keep descriptions, not only abstracts and claims
    entities: dict[str, str] | None = None  # named entities from a delivery's DTD (DOCDB)


@dataclass
class RawDocument:
    index: int  # position within its XML file or zip member, from 1
    member: str | None  # path inside the bulk file
    data: bytes  # the document as received, kept for the rejects table
    element: Any = None  # already parsed by a streaming splitter, if any


class DocumentError(Exception):
    """A document that cannot be loaded; `stage` is read, parse or extract."""

    def __init__(self, reason: str, stage: str = "extract", doc_key: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage
        self.doc_key = doc_key
