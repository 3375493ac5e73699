"""Where theme definitions live and which ones the weekly refresh rebuilds.

A theme is named by a file path or by its id, looked up as `<id>.yaml` (or a definition whose `id:` is
<id>) in ./themes, the repository's themes/ folder (worked examples) and $ZHUANTI_HOME/themes. The
definitions placed in $ZHUANTI_HOME/themes are the registered ones: a refresh rebuilds each of them and
the province variants listed under its `variants:`.
"""

from __future__ import annotations

from pathlib import Path

from warehouse.settings import get_settings
from warehouse.themes.build import BuildOptions, build_theme
from warehouse.themes.loader import DefinitionError, load_definition

PACKAGED = Path(__file__).resolve().parents[2] / "themes"


def search_dirs() -> list[tuple[str, Path]]:
    here = Path.cwd() / "themes"
    local = [] if here.resolve() == PACKAGED else [("local", here)]
    return [*local, ("examples", PACKAGED), ("home", get_settings().home_dir / "themes")]


def definition_files(folder: Path) -> list[Path]:
    return sorted(p for pattern in ("*.yaml", "*.yml") for p in folder.glob(pattern)) if folder.is_dir() else []


def find_theme(ref: str | Path) -> Path:
    """The definition file for a path or an id; FileNotFoundError listing where it looked."""
    path = Path(ref).expanduser()
    if path.suffix in (".yaml", ".yml") or path.is_file():
        if path.is_file():
            return path
        raise FileNotFoundError(f"no theme definition at {path}")
    looked = []
    for _, folder in search_dirs():
        looked.append(str(folder))
        for candidate in (folder / f"{ref}.yaml", folder / f"{ref}.yml"):
            if candidate.is_file():
                return candidate
        for candidate in definition_files(folder):
            if _declared_id(candidate) == str(ref):
                return candidate
    raise FileNotFoundError(f"no theme {ref!r} (looked in {', '.join(looked)})")


def list_themes() -> list[dict]:
    out, seen = [], set()
    for origin, folder in search_dirs():
        for path in definition_files(folder):
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            try:
                theme = load_definition(path).theme
                out.append({"id": theme.id, "name": theme.name, "origin": origin, "path": str(path),
                            "description": theme.description, "variants": theme.variants.provinces})
            except (DefinitionError, OSError) as exc:
                out.append({"id": path.stem, "name": None, "origin": origin, "path": str(path), "error": str(exc)})
    return out


def build_all(warehouse: str) -> list[dict]:
    """Build every registered theme and its province variants; a broken definition is reported, not fatal."""
    s = get_settings()
    results = []
    for path in definition_files(s.home_dir / "themes"):
        try:
            definition = load_definition(path)
        except DefinitionError as exc:
            results.append({"theme": path.stem, "error": str(exc)})
            continue
        variants = [None, *definition.theme.variants.provinces]
        for province in variants:
            options = BuildOptions(province=province, any_applicant=definition.theme.variants.any_applicant)
            results.append(build_theme(definition, warehouse, options=options, memory_limit=s.memory_limit))
    return results


def _declared_id(path: Path) -> str | None:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError):
        return None
    return str(data.get("id")) if isinstance(data, dict) else None
