"""Make the Data Docs open styled and offline: local copies of their CSS and JavaScript.

GX 1.24 pages load Bootstrap 4, jQuery, Popper, Vega/Vega-Lite/Vega-Embed, Font Awesome,
bootstrap-table and bootstrap-datepicker from public CDNs, and the logo from GX's S3 bucket. Here
every such reference is pointed at a file installed from PyPI and copied under the site
(`static/vendor/`), or dropped where nothing local is needed:

* Bootstrap 4.5 (XStatic-Bootstrap), its bundle includes Popper, so the Popper tag goes;
* jQuery 3.7.1 (XStatic-jQuery), Font Awesome 6 with its webfonts (XStatic-Font-Awesome);
* Vega 5.21, Vega-Lite 4.17 and Vega-Embed 6.20 (the UMD builds that altair_viewer ships);
* bootstrap-table: no installable copy exists on PyPI; `assets/bootstrap-table-lite.js` renders the
  index tables instead (no search or pagination), so the datepicker and filter-control add-ons and
  the table CSS go too, as does the optional dark theme;
* the logo comes from the copy GX itself writes to `static/images/`.

An external reference no rule knows fails loudly: a GX upgrade that adds one must be looked at.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from lxml import html as lxml_html

VENDOR_DIR = Path("static") / "vendor"
ASSETS = Path(__file__).with_name("assets")


class OfflineDocsError(RuntimeError):
    """A page references an external resource that no local copy replaces."""


@dataclass(frozen=True)
class Vendored:
    distribution: str  # installed distribution that ships the file or folder
    source: str  # path inside the distribution ("" distribution: path inside warehouse/quality/assets)
    target: str  # path under <site>/static/vendor


VENDORED: tuple[Vendored, ...] = (
    Vendored("XStatic-Bootstrap", "xstatic/pkg/bootstrap/data/css/bootstrap.min.css",
             "bootstrap/css/bootstrap.min.css"),
    Vendored("XStatic-Bootstrap", "xstatic/pkg/bootstrap/data/js/bootstrap.bundle.min.js",
             "bootstrap/js/bootstrap.bundle.min.js"),
    Vendored("XStatic-jQuery", "xstatic/pkg/jquery/data/jquery.min.js", "jquery/jquery.min.js"),
    Vendored("XStatic-Font-Awesome", "xstatic/pkg/font_awesome/data/css/all.min.css",
             "font-awesome/css/all.min.css"),
    Vendored("XStatic-Font-Awesome", "xstatic/pkg/font_awesome/data/webfonts", "font-awesome/webfonts"),
    Vendored("altair_viewer", "altair_viewer/scripts/vega-5.21.0.js", "vega/vega.js"),
    Vendored("altair_viewer", "altair_viewer/scripts/vega-lite-4.17.0.js", "vega/vega-lite.js"),
    Vendored("altair_viewer", "altair_viewer/scripts/vega-embed-6.20.0.js", "vega/vega-embed.js"),
    Vendored("", "bootstrap-table-lite.js", "bootstrap-table-lite/bootstrap-table-lite.js"),
)

_VENDOR = "vendor:"
_IMAGES = "images:"
# (pattern on the URL, replacement) in order; the replacement is "vendor:<target>", "images:" (GX's own
# copy under static/images, by file name) or None (the tag is removed).
URL_RULES: tuple[tuple[re.Pattern[str], str | None], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"cdn\.jsdelivr\.net/npm/vega@5", _VENDOR + "vega/vega.js"),
        (r"cdn\.jsdelivr\.net/npm/vega-lite@5", _VENDOR + "vega/vega-lite.js"),
        (r"cdn\.jsdelivr\.net/npm/vega-embed@6", _VENDOR + "vega/vega-embed.js"),
        (r"font-awesome/6\.[0-9.]+/css/all(\.min)?\.css$", _VENDOR + "font-awesome/css/all.min.css"),
        (r"code\.jquery\.com/jquery-3\.[0-9.]+(\.min)?\.js$", _VENDOR + "jquery/jquery.min.js"),
        (r"/popper\.js/", None),
        (r"bootstrap/4\.[0-9.]+/js/bootstrap(\.min)?\.js$", _VENDOR + "bootstrap/js/bootstrap.bundle.min.js"),
        (r"bootstrap/4\.[0-9.]+/css/bootstrap(\.min)?\.css$", _VENDOR + "bootstrap/css/bootstrap.min.css"),
        (r"bootstrap-table@[0-9.]+/dist/extensions/", None),
        (r"bootstrap-table@[0-9.]+/dist/bootstrap-table(\.min)?\.js$",
         _VENDOR + "bootstrap-table-lite/bootstrap-table-lite.js"),
        (r"bootstrap-table@[0-9.]+/dist/bootstrap-table(\.min)?\.css$", None),
        (r"/bootstrap-datepicker/", None),
        (r"@forevolve/bootstrap-dark", None),
        (r"great-expectations-web-assets\.[^/]+/[^/?]+\.(png|svg|ico|gif)", _IMAGES),
    )
)

_EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
_EMPTY_SCRIPT = re.compile(r"<script\b[^>]*>\s*</script>", re.IGNORECASE)
_LINK_OR_IMG = re.compile(r"<(?:link|img)\b[^>]*>", re.IGNORECASE)
_URL_ATTR = re.compile(r"""\b(src|href)\s*=\s*(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_DROP_ATTRS = re.compile(r"""\s+(integrity|crossorigin)\s*=\s*(["']).*?\2""", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(["']?)(https?://[^)'"]+)\1\s*\)""", re.IGNORECASE)


def _locate(item: Vendored) -> Path:
    if not item.distribution:
        return ASSETS / item.source
    try:
        path = Path(str(distribution(item.distribution).locate_file(item.source)))
    except PackageNotFoundError as exc:
        raise OfflineDocsError(f"{item.distribution} is not installed; the Data Docs need it offline") from exc
    if not path.exists():
        raise OfflineDocsError(f"{item.distribution} has no {item.source}")
    return path


def install_assets(site: Path) -> None:
    """Copy the local CSS, JavaScript and fonts under `<site>/static/vendor/`."""
    for item in VENDORED:
        source, target = _locate(item), site / VENDOR_DIR / item.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        elif not target.exists() or target.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, target)


def _local(site: Path, page_dir: Path, url: str) -> str | None:
    """The relative path replacing an external URL, None to drop it; raises for an unknown URL."""
    for pattern, replacement in URL_RULES:
        if not pattern.search(url):
            continue
        if replacement is None:
            return None
        if replacement == _IMAGES:
            name = url.split("?")[0].rsplit("/", 1)[-1]
            local = site / "static" / "images" / name
            if not local.exists():
                return None
        else:
            local = site / VENDOR_DIR / replacement.removeprefix(_VENDOR)
        return Path(os.path.relpath(local, page_dir)).as_posix()
    raise OfflineDocsError(f"no local copy for {url}")


def _rewrite_tag(site: Path, page_dir: Path, tag: str) -> str:
    found = _URL_ATTR.search(tag)
    if found is None or not _EXTERNAL.match(found.group(3)):
        return tag
    local = _local(site, page_dir, found.group(3))
    if local is None:
        return ""
    tag = tag[: found.start(3)] + local + tag[found.end(3):]
    return _DROP_ATTRS.sub("", tag)


def _rewrite_css_urls(site: Path, base_dir: Path, text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            local = _local(site, base_dir, match.group(2))
        except OfflineDocsError:
            local = None
        return f"url('{local}')" if local else "none"

    return _CSS_URL.sub(replace, text)


def rewrite_page(site: Path, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    page_dir = page.parent
    text = _EMPTY_SCRIPT.sub(lambda m: _rewrite_tag(site, page_dir, m.group(0)), text)
    text = _LINK_OR_IMG.sub(lambda m: _rewrite_tag(site, page_dir, m.group(0)), text)
    text = _rewrite_css_urls(site, page_dir, text)
    page.write_text(text, encoding="utf-8")


def external_references(page_html: str) -> list[str]:
    """src/href values of script, link and img elements that point off the machine."""
    if not page_html.strip():
        return []
    root = lxml_html.document_fromstring(page_html)
    found = []
    for element in root.iter("script", "link", "img"):
        for attribute in ("src", "href"):
            value = (element.get(attribute) or "").strip()
            if _EXTERNAL.match(value):
                found.append(value)
    return found


def make_offline(site: Path) -> None:
    """Install the local assets and rewrite every page and stylesheet of the site."""
    install_assets(site)
    for page in sorted(site.rglob("*.html")):
        rewrite_page(site, page)
    for sheet in sorted((site / "static" / "styles").glob("*.css")):
        sheet.write_text(_rewrite_css_urls(site, sheet.parent, sheet.read_text(encoding="utf-8")),
                         encoding="utf-8")
    leftovers = {
        str(page.relative_to(site)): refs
        for page in site.rglob("*.html")
        if (refs := external_references(page.read_text(encoding="utf-8")))
    }
    if leftovers:
        raise OfflineDocsError(f"external references left in the Data Docs: {leftovers}")
