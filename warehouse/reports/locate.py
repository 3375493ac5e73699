"""Where theme files and reports live.

Theme files (warehouse/themes/paths.py): `$ZHUANTI_HOME/themes/<id>/<id>.duckdb`, province variants
beside them as `<id>-<province code>.duckdb` (`<id>-32-any.duckdb` when any applicant may be local). Reports: `$ZHUANTI_HOME/reports/<file stem>.html`, the landscape of all
themes as `index.html`, one plotly.min.js for all of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from warehouse.settings import get_settings

_VARIANT = re.compile(r"(?P<theme>.+?)-(?P<province>\d{2})(?:-any)?")


def themes_dir() -> Path:
    return get_settings().home_dir / "themes"


def reports_dir() -> Path:
    return get_settings().home_dir / "reports"


def theme_file(theme: str, root: Path | None = None) -> Path:
    """A theme id (`nev`), a variant id (`nev-32`, `nev-32-any`) or a path to a theme .duckdb file."""
    given = Path(theme).expanduser()
    if given.suffix == ".duckdb" or given.exists():
        if not given.is_file():
            raise FileNotFoundError(f"no theme file at {given}")
        return given
    root = root or themes_dir()
    variant = _VARIANT.fullmatch(theme)
    folder = variant["theme"] if variant else theme
    path = root / folder / f"{theme}.duckdb"
    if not path.is_file():
        raise FileNotFoundError(f"no theme {theme!r}: {path} does not exist (build it first, or give the file's path)")
    return path


def all_theme_files(root: Path | None = None) -> list[Path]:
    """Every theme file and province variant under the themes folder, themes before their variants."""
    root = root or themes_dir()
    files = [p for p in root.glob("*/*.duckdb") if not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.parent.name, p.stem != p.parent.name, p.stem))


def reader_warehouses(warehouse: Path | None = None) -> list[Path]:
    """The warehouse files a report may read, in order: the one given; else the warehouse, then its
    published snapshot, which a load in progress never locks."""
    if warehouse is not None:
        return [Path(warehouse)]
    from warehouse.snapshot import snapshot_path

    settings = get_settings()
    return [settings.warehouse_path, snapshot_path(settings.home_dir)]
