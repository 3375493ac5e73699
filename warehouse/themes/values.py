"""Value types shared by the definition models: text as analysts write it in YAML."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict


def as_text(value: object) -> object:
    # YAML reads 2010 or 32 as numbers; in lists of codes and names they are text.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("empty text")
    return value.strip()


Text = Annotated[str, BeforeValidator(as_text), AfterValidator(_nonblank)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
