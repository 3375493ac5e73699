"""The themes a node maintains: the definitions kept in $ZHUANTI_HOME/themes.

`add` copies a definition there (comments and layout kept) and records the province variants to build;
`remove` takes it out. A refresh rebuilds every definition found there (warehouse.themes.registry).
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from warehouse.settings import get_settings
from warehouse.themes.loader import load_definition
from warehouse.themes.registry import definition_files, find_theme


def node_dir() -> Path:
    return get_settings().home_dir / "themes"


def add(ref: str, provinces: list[str] | None = None, any_applicant: bool | None = None) -> Path:
    """Register a theme (id or file) with its province variants; returns the registered file."""
    source = find_theme(ref)
    theme_id = load_definition(source).theme.id  # validates before anything is written
    yaml = YAML()
    yaml.preserve_quotes = True
    data = yaml.load(source.read_text(encoding="utf-8"))
    if provinces is not None or any_applicant is not None:
        variants = data.get("variants") or {}
        if provinces is not None:
            variants["provinces"] = sorted({*map(str, variants.get("provinces") or []), *provinces})
        if any_applicant is not None:
            variants["any_applicant"] = any_applicant
        data["variants"] = variants
    target = node_dir() / f"{theme_id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".yaml.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    load_definition(tmp)  # what we wrote must still be a valid definition
    tmp.replace(target)
    return target


def remove(theme_id: str) -> Path:
    for path in definition_files(node_dir()):
        if path.stem == theme_id or load_definition(path).theme.id == theme_id:
            path.unlink()
            return path
    raise FileNotFoundError(f"theme {theme_id!r} is not registered in {node_dir()}")


def registered() -> list[dict]:
    out = []
    for path in definition_files(node_dir()):
        theme = load_definition(path).theme
        out.append({"id": theme.id, "name": theme.name, "path": str(path),
                    "provinces": [str(p) for p in theme.variants.provinces],
                    "any_applicant": theme.variants.any_applicant})
    return out
