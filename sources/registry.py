"""The registered source adapters, in detection order."""

from __future__ import annotations

from types import ModuleType

from sources import cnipa

ADAPTERS: tuple[ModuleType, ...] = (cnipa,)


def detect(head: bytes) -> ModuleType | None:
    """The adapter whose format the first bytes of an XML file show, or None."""
    for adapter in ADAPTERS:
        if adapter.detect(head):
            return adapter
    return None


def by_name(name: str) -> ModuleType:
    for adapter in ADAPTERS:
        if adapter.NAME == name:
            return adapter
    raise KeyError(name)
