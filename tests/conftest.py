"""Shared fixtures: real samples from ../shared (skipped when absent) and constructed fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = Path(os.environ.get("ZHUANTI_SHARED", ROOT.parent / "shared"))


def shared_samples(kind: str) -> Path:
    """`../shared/samples/<kind>`; the calling test is skipped when it is not there."""
    path = SHARED / "samples" / kind
    if not path.is_dir():
        pytest.skip(f"real samples not available: {path} is absent (set ZHUANTI_SHARED to point at shared/)")
    return path


@pytest.fixture
def cnipa_samples() -> Path:
    return shared_samples("cnipa")


@pytest.fixture
def cnipa_fixtures() -> Path:
    return FIXTURES / "cnipa"
