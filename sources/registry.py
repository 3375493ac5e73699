"""The registered source adapters, in detection order.

Each adapter recognises its format by the name of the root element in the first bytes of a file, after any
XML declaration and DOCTYPE: CNIPA `PatentDocumentAndRelated` / `cn-patent-document`, USPTO
`us-patent-grant` / `us-patent-application` (or a weekly file that opens with a `sequence-cwu` listing),
DOCDB `exchange-documents` / `exchange-document` with or without the `exch:` prefix. Each pattern names
whole root elements (a CNIPA or USPTO head never contains a DOCDB root name, nor the reverse), so no
format can take another's files whichever adapter is asked first.
"""

from __future__ import annotations

from types import ModuleType

from sources import cnipa, docdb, uspto

ADAPTERS: tuple[ModuleType, ...] = (cnipa, uspto, docdb)


def detect(head: bytes) -> ModuleType | None:
    """The adapter whose format the first bytes of an XML file show, or None."""
    for adapter in ADAPTERS:
        if adapter.detect(head):
            return adapter
    return None


def by_name(name: str) -> ModuleType:
    for adapter in ADAPTERS:
        if name == adapter.NAME:
            return adapter
    raise KeyError(name)
