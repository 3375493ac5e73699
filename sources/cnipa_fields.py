"""Row builders shared by both CNIPA generations: they take values as written and normalise them."""

from __future__ import annotations

import re
from datetime import date

from schemas.model import RECORD_TABLES
from sources.base import Record, Row
from sources.normalise.applicants import classify_applicant
from sources.normalise.dates import parse_date
from sources.normalise.ipc import Classification, parse_loc
from sources.normalise.numbers import AppNumber, cn_app_type, is_republication, parse_cn_app_number
from sources.normalise.region import resolve_region
from sources.normalise.text import clean, is_filler, normalise_name

_AGENCY_CODE = re.compile(r"^(?P<name>.*?)\s*(?P<code>\d{5})$")
_LEADING_POSTCODE = re.compile(r"^(\d{6})\s")


class RecordBuilder:
    """Collects the rows of one document and the findings made while normalising it."""

    def __init__(self, pub_number: str):
        self.pub_number = pub_number
        self.record: Record = {t.name: [] for t in RECORD_TABLES}
        self._seq: dict[tuple[str, str], int] = {}

    def add(self, table: str, **row) -> Row:
        return self.append(table, row)

    def append(self, table: str, row: Row) -> Row:
        row["pub_number"] = self.pub_number
        self.record[table].append(row)
        return row

    def next_seq(self, table: str, group: str = "") -> int:
        n = self._seq.get((table, group), 0) + 1
        self._seq[(table, group)] = n
        return n

    def finding(self, field: str, value: str | None, finding: str) -> None:
        self.add("load_findings", field=field, value=value, finding=finding)

    def date(self, field: str, text: str | None) -> date | None:
        value, problem = parse_date(text)
        if problem:
            self.finding(field, text, problem)
        return value

    # ---- parties -------------------------------------------------------------------------------
    def party(
        self,
        role: str,
        name: str | None,
        *,
        country: str | None = None,
        address: str | None = None,
        postcode: str | None = None,
        province: str | None = None,
        city: str | None = None,
        county: str | None = None,
        org_code: str | None = None,
        with_region: bool = False,
    ) -> None:
        clean_name = normalise_name(name)
        if clean_name is None:
            return
        row: Row = {
            "role": role,
            "seq": self.next_seq("parties", role),
            "name": clean_name,
            "name_raw": name,
            "org_code": clean(org_code),
        }
        if role == "agency":
            m = _AGENCY_CODE.match(clean_name)
            if m and m.group("name"):
                row["name"] = m.group("name")
                row["org_code"] = row["org_code"] or m.group("code")
        if with_region:
            country = None if is_filler(country) else clean(country)
            address = clean(address)
            if is_filler(postcode) and address and (m := _LEADING_POSTCODE.match(address)):
                postcode = m.group(1)
            region = resolve_region(
                country=country,
                province=province,
                city=city,
                county=county,
                address=address,
                postcode=postcode,
            )
            row.update(
                country=region.country,
                address=address,
                postcode=clean(postcode),
                province_code=region.province_code,
                province=region.province,
                city_code=region.city_code,
                city=region.city,
                county_code=region.county_code,
                county=region.county,
                region_method=region.method,
                region_vintage=region.vintage,
            )
            if role in ("applicant", "assignee"):
                row["applicant_type"] = classify_applicant(row["name"], region.country)
        self.append("parties", row)

    # ---- classifications ----------------------------------------------------------------------
    def ipc(self, c: Classification | None, raw: str | None) -> None:
        self.classification("IPC", c, raw, c.value if c else None)

    def classification(self, scheme: str, c: Classification | None, raw: str | None, value: str | None) -> None:
        """One IPC/CPC/USPC row; the first of a scheme is the main one. Unreadable text is a finding."""
        if c is None:
            if not is_filler(raw):
                self.finding(scheme.lower(), raw, f"not {'an' if scheme == 'IPC' else 'a'} {scheme} symbol")
            return
        seq = self.next_seq("classifications", scheme)
        self.add(
            "classifications",
            scheme=scheme,
            seq=seq,
            symbol=c.symbol,
            symbol_raw=raw,
            is_main=seq == 1,
            version=c.version,
            section=c.section,
            subclass=c.subclass,
            main_group=c.main_group,
            position=c.position,
            value=value,
        )

    def loc(self, raw: str | None) -> None:
        symbol = parse_loc(raw) if raw else None
        if symbol is None:
            if not is_filler(raw):
                self.finding("loc", raw, "not a Locarno class")
            return
        seq = self.next_seq("classifications", "LOC")
        self.add(
            "classifications",
            scheme="LOC",
            seq=seq,
            symbol=symbol,
            symbol_raw=raw,
            is_main=seq == 1,
            section=symbol[:2],
        )

    # ---- references ---------------------------------------------------------------------------
    def priority(self, country, number, when, kind) -> None:
        if is_filler(number):
            return
        self.add(
            "priorities",
            seq=self.next_seq("priorities"),
            country=clean(country),
            number=clean(number),
            date=self.date("priority_date", when),
            kind=kind,
        )

    def related(self, relation: str, country, number, when, kind=None) -> None:
        if is_filler(number):
            return
        self.add(
            "related_documents",
            relation=relation,
            seq=self.next_seq("related_documents", relation),
            country=None if is_filler(country) else clean(country),
            number=clean(number),
            kind=None if is_filler(kind) else clean(kind),
            date=self.date(f"{relation}_date", when),
        )

    def text(self, text_type: str, text: str | None, lang: str | None = "zh") -> None:
        if text:
            self.add("texts", text_type=text_type, lang=lang, text=text)


def application(
    b: RecordBuilder, *, original: str | None, standard: str | None, appl_type: str | None, filed: str | None
) -> tuple[AppNumber, str | None, date | None]:
    """The application row; returns the number, the application type and the filing date."""
    number = parse_cn_app_number(original, standard)
    for problem in number.findings:
        b.finding("app_number", original or standard, problem)
    app_type = cn_app_type(appl_type, number.type_digit)
    if app_type is None and not is_filler(appl_type):
        b.finding("app_type", appl_type, "unknown application type")
    filing_date = b.date("filing_date", filed)
    b.add(
        "applications",
        country="CN",
        app_number=number.canonical,
        app_number_original=clean(original),
        app_number_standard=number.standard,
        check_digit_from_source=number.check_from_source,
        check_digit_valid=number.check_valid,
        type_digit=number.type_digit,
        filing_date=filing_date,
        app_type=app_type,
        app_type_raw=appl_type,
    )
    return number, app_type, filing_date


def publication(b: RecordBuilder, **row) -> None:
    row["is_republication"] = is_republication(row["kind"])
    row["country"] = "CN"
    b.append("publications", row)
