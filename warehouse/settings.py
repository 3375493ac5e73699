"""One settings object. Values come from the environment (prefix `ZHUANTI_`) or a `.env` file.

`ZHUANTI_HOME` is the data root (default `~/.zhuanti`); the warehouse, reports and quality docs live
under it unless given explicitly.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZHUANTI_", env_file=".env", extra="ignore")

    home: Path = Field(default=Path("~/.zhuanti"), description="data root")
    warehouse: Path | None = Field(default=None, description="warehouse file; default HOME/warehouse.duckdb")
    inbox: Path | None = Field(default=None, description="where new bulk packages arrive; default HOME/inbox")
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, description="parser processes")
    full_text: bool = Field(default=False, description="also keep descriptions (abstracts and claims always)")
    memory_limit: str = Field(default="1GB", description="DuckDB memory limit for checks and theme builds")
    ingest_memory_limit: str = Field(default="384MB", description="DuckDB memory limit of the ingest writer: "
                                     "it only appends, and a small cache keeps its memory flat")
    max_member_bytes: int = Field(default=4 << 30, description="largest decompressed zip member")
    max_ratio: float = Field(default=200.0, description="largest compression ratio of a zip member")
    dask_address: str | None = Field(default=None, description="parse on this Dask scheduler (tcp://host:8786)")
    spool_dir: Path | None = Field(default=None, description="shared folder where Dask workers hand back parts; "
                                   "default HOME/spool")
    docdb_entities: Path | None = Field(default=None, description="the entity DTD of a DOCDB delivery "
                                        "(Root/DTDS/docdb-entities.dtd); read locally, never fetched")
    freshness_days: int = Field(default=14, ge=1, le=30,
                                description="alarm when the newest CNIPA publication is older than this")

    @property
    def home_dir(self) -> Path:
        return self.home.expanduser()

    @property
    def inbox_path(self) -> Path:
        return (self.inbox or self.home_dir / "inbox").expanduser()

    @property
    def warehouse_path(self) -> Path:
        return (self.warehouse or self.home_dir / "warehouse.duckdb").expanduser()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
