"""Which publications a theme considers at all: offices, application types, kinds, dates, applicant
regions and countries, republications; and the province variants a refresh builds."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from schemas.model import APP_TYPES
from warehouse.themes import regions
from warehouse.themes.values import Strict, Text

Province = Annotated[Text, AfterValidator(regions.province_code)]
City = Annotated[Text, AfterValidator(regions.city_code)]


class DateRange(Strict):
    from_: date | None = Field(None, alias="from")
    to: date | None = None

    @model_validator(mode="before")
    @classmethod
    def _years(cls, data: object) -> object:
        # `from: 2010` means the whole year onwards, `to: 2020` up to its end.
        if isinstance(data, dict):
            data = dict(data)
            for key, month_day in (("from", (1, 1)), ("to", (12, 31))):
                value = data.get(key)
                if isinstance(value, int) and not isinstance(value, bool) and 1800 <= value <= 2200:
                    data[key] = date(value, *month_day)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.from_ and self.to and self.from_ > self.to:
            raise ValueError(f"from {self.from_} is after to {self.to}")
        return self


class Scope(Strict):
    countries: list[Text] | None = None
    app_types: list[Literal[APP_TYPES]] | None = None  # type: ignore[valid-type]
    kinds: list[Text] | None = None
    filing_date: DateRange | None = None
    pub_date: DateRange | None = None
    provinces: list[Province] | None = None
    cities: list[City] | None = None
    applicant_countries: list[Text] | None = None
    any_applicant: bool = False
    republications: bool = False


class Variants(Strict):
    provinces: list[Province] = Field(default_factory=list)
    any_applicant: bool = False
