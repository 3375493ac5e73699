"""Where a build writes, and how its outputs replace the previous ones without readers seeing a half-written
file: everything is written beside its target under a temporary name, then renamed into place.

A variant carries its province (and `any` for any-applicant matching) in every name: nev.duckdb,
nev-32.duckdb, nev-32-any.duckdb; new_this_week.csv, new_this_week-32.csv.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Outputs:
    out_dir: Path
    theme_id: str
    variant: str  # "", "-32" or "-32-any"

    @property
    def stem(self) -> str:
        return f"{self.theme_id}{self.variant}"

    @property
    def database(self) -> Path:
        return self.out_dir / f"{self.stem}.duckdb"

    @property
    def csv(self) -> Path:
        return self.out_dir / f"{self.stem}.csv"

    @property
    def xlsx(self) -> Path:
        return self.out_dir / f"{self.stem}.xlsx"

    @property
    def parquet(self) -> Path:
        return self.out_dir / f"{self.stem}.parquet"

    @property
    def new_csv(self) -> Path:
        return self.out_dir / f"new_this_week{self.variant}.csv"

    @property
    def new_xlsx(self) -> Path:
        return self.out_dir / f"new_this_week{self.variant}.xlsx"

    def temporary(self, target: Path) -> Path:
        path = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        remove(path)
        return path


def outputs_for(theme_id: str, out_dir: str | Path | None, province: str | None, any_applicant: bool) -> Outputs:
    if out_dir is None:
        from warehouse.settings import get_settings

        out_dir = get_settings().home_dir / "themes" / theme_id
    variant = f"-{province}{'-any' if any_applicant else ''}" if province else ""
    path = Path(out_dir).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return Outputs(path, theme_id, variant)


def remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)


def publish(temporary: Path, target: Path) -> None:
    """Rename a finished output into place (a folder replaces the previous folder)."""
    if temporary.is_dir():
        old = target.with_name(f".{target.name}.{os.getpid()}.old")
        remove(old)
        if target.exists():
            os.replace(target, old)
        os.replace(temporary, target)
        remove(old)
    else:
        os.replace(temporary, target)
