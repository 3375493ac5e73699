"""Flow `build-theme`: a theme definition → membership with provenance, branches and diffs in a standalone
DuckDB file, plus Parquet, CSV and XLSX exports (per province variant when asked)."""

from __future__ import annotations

from prefect import flow, task

from flows.orchestration import step


@task(name="build-theme-database")
def build_theme_task(theme: str, warehouse: str, out_dir: str | None, province: str | None, any_applicant: bool,
                     include_quarantined: bool) -> dict:
    from warehouse.settings import get_settings
    from warehouse.themes.build import BuildOptions
    from warehouse.themes.build import build_theme as run_build
    from warehouse.themes.loader import load_definition
    from warehouse.themes.registry import find_theme

    definition = load_definition(find_theme(theme))
    options = BuildOptions(province=province, any_applicant=any_applicant, include_quarantined=include_quarantined)
    return run_build(definition, warehouse, out_dir, options, memory_limit=get_settings().memory_limit)


@flow(name="build-theme")
def build_theme(
    theme: str,
    warehouse: str | None = None,
    out_dir: str | None = None,
    province: str | None = None,
    any_applicant: bool = False,
    include_quarantined: bool = False,
) -> dict:
    """Build the theme database of a definition (file path or id) from the warehouse.

    `province` (GB/T 2260 code or name) restricts to publications whose first applicant — any applicant
    with `any_applicant` — is in that province; quarantined publications stay out unless
    `include_quarantined`. Output goes to `out_dir`, by default $ZHUANTI_HOME/themes/<id>/.
    """
    from warehouse.settings import get_settings

    return step(build_theme_task, theme, str(warehouse or get_settings().warehouse_path), out_dir, province,
                any_applicant, include_quarantined)
