"""Offline Data Docs: every CDN reference points at a local copy that exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.quality.data_docs import OfflineDocsError, external_references, make_offline

GX_HEAD = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css">
<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"/>
<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css" />
<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>
<script src="https://cdn.jsdelivr.net/npm/vega-lite@5"></script>
<script src="https://cdn.jsdelivr.net/npm/vega-embed@6"></script>
<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css">
<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
<script src="https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js" integrity="sha384-x" crossorigin="anonymous"></script>
<script src="https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js" integrity="sha384-y" crossorigin="anonymous"></script>
<script src="https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js"></script>
<script>$(function () {});</script>
</head><body><img
  src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1"
  alt="logo"/><a href="https://greatexpectations.io">GX</a></body></html>"""


def _site(tmp_path: Path, html: str) -> Path:
    site = tmp_path / "site"
    (site / "validations" / "s").mkdir(parents=True)
    (site / "static" / "images").mkdir(parents=True)
    (site / "static" / "images" / "logo-long.png").write_bytes(b"png")
    (site / "validations" / "s" / "page.html").write_text(html, encoding="utf-8")
    return site


def local_targets(page: Path) -> list[Path]:
    from lxml import html

    root = html.document_fromstring(page.read_text(encoding="utf-8"))
    refs = [e.get("src") or e.get("href") for e in root.iter("script", "link", "img")]
    return [page.parent / r for r in refs if r]


def test_every_cdn_reference_becomes_a_local_file(tmp_path):
    site = _site(tmp_path, GX_HEAD)
    page = site / "validations" / "s" / "page.html"
    assert len(external_references(GX_HEAD)) == 12
    make_offline(site)
    text = page.read_text(encoding="utf-8")
    assert external_references(text) == []
    assert "integrity=" not in text and "crossorigin" not in text  # local copies have other hashes
    targets = local_targets(page)
    assert all(t.resolve().is_file() for t in targets), targets
    names = {t.name for t in targets}
    assert {"vega.js", "vega-lite.js", "vega-embed.js", "all.min.css", "jquery.min.js", "bootstrap.min.css",
            "bootstrap.bundle.min.js", "bootstrap-table-lite.js", "logo-long.png"} <= names
    assert (site / "static" / "vendor" / "font-awesome" / "webfonts" / "fa-solid-900.woff2").is_file()
    assert 'href="https://greatexpectations.io"' in text  # links are left alone, only loaded resources change


def test_an_unknown_external_resource_fails_loudly(tmp_path):
    site = _site(tmp_path, '<html><head><script src="https://example.org/new.js"></script></head></html>')
    with pytest.raises(OfflineDocsError, match="example.org"):
        make_offline(site)
