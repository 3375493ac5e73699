"""Every CNIPA rule on real samples: the loaded samples pass, and one mutation of a real document fails it.

The warehouse is built from ../shared/samples/cnipa plus the constructed B/U/S fixtures; each mutation is
an UPDATE inside a transaction that is rolled back afterwards.
"""

from __future__ import annotations

import pytest

from warehouse.quality.rules import CNIPA_RULES, cnipa_checks

CHECKS = {c.name: c for c in cnipa_checks()}

# rule -> (mutation, publication expected to fail); dates relative to the real values in the samples
MUTATIONS: dict[str, tuple[str, str]] = {
    "app_number_structure": (
        "update publications set app_number = '20211128663.X' where pub_number = 'CN113781974A'", "CN113781974A"),
    "app_number_type_digit": (
        "update publications set app_type = 'design' where pub_number = 'CN113783949A'", "CN113783949A"),
    "app_number_check_digit": (
        "update publications set app_number = '202110991218.9' where pub_number = 'CN113783949A'", "CN113783949A"),
    "app_number_forms_agree": (
        "update applications set app_number_standard = '102015000481496' where pub_number = 'CN115212463A'",
        "CN115212463A"),
    "doc_number_length": (
        "update publications set doc_number = '10422335' where pub_number = 'CN104223352A'", "CN104223352A"),
    "doc_number_type": (
        "update publications set doc_number = '204223590' where pub_number = 'CN104223590A'", "CN104223590A"),
    "kind_code_known": ("update publications set kind = 'Q' where pub_number = 'CN104245143A'", "CN104245143A"),
    "kind_matches_app_type": (
        "update publications set kind = 'U' where pub_number = 'CN115212463A'", "CN115212463A"),
    "dates_valid": (
        "insert into load_findings select file_id, pub_number, 'pub_date', '20211231x', 'invalid date ''20211231x''' "
        "from publications where pub_number = 'CN113781974A'", "CN113781974A"),
    "dates_not_future": (
        "update publications set pub_date = current_date + 30 where pub_number = 'CN113783949A'", "CN113783949A"),
    "pub_after_filing": (
        "update publications set pub_date = date '2014-01-01' where pub_number = 'CN104223352A'", "CN104223352A"),
    "filing_after_1985": (
        "update publications set filing_date = date '1984-12-31' where pub_number = 'CN104223590A'",
        "CN104223590A"),
    "grant_lag_plausible": (
        "update publications set filing_date = pub_date - 20 where pub_number = 'CN116806270B'", "CN116806270B"),
    "ipc_symbol_valid": (
        "update classifications set symbol = 'G09G 0/36' where pub_number = 'CN113781974A' and seq = 2",
        "CN113781974A"),
    "classification_present": (
        "delete from classifications where pub_number = 'CN104223590A'", "CN104223590A"),
    "mandatory_fields": ("update publications set title = ' ' where pub_number = 'CN115212463A'", "CN115212463A"),
    "region_codes_exist": (
        "update parties set city_code = '339900' where pub_number = 'CN113783949A' and role = 'applicant'",
        "CN113783949A"),
    "domestic_applicant_province": (
        "update parties set province_code = null where pub_number = 'CN104223352A' and role = 'applicant'",
        "CN104223352A"),
    "foreign_applicant_province": (
        "update parties set province_code = '11' where pub_number = 'CN113781974A' and role = 'applicant'",
        "CN113781974A"),
    "text_nul_bytes": (
        "update publications set title = title || chr(0) where pub_number = 'CN104245143A'", "CN104245143A"),
    "text_whitespace": (
        "update parties set name = name || chr(12288) where pub_number = 'CN113783949A' and role = 'applicant'",
        "CN113783949A"),
    "text_filler_zero": (
        "update parties set address = '0 ' || address where pub_number = 'CN113781974A' and role = 'applicant'",
        "CN113781974A"),
    "text_unresolved_entity": (
        "update texts set text = text || '&nbsp;' where pub_number = 'CN113783949A' and text_type = 'abstract'",
        "CN113783949A"),
}
# The one warning the real samples raise: a divisional keeps its parent's filing date.
MUTATIONS["app_year_matches_filing_year"] = (
    "update publications set filing_date = date '2020-12-31' where pub_number = 'CN113783949A'", "CN113783949A")
SAMPLE_WARNINGS = {"app_year_matches_filing_year": [("CN113781974A",
                                                     "202111286633.X filed 2017-04-24 (divisional of 201710269973.9)")]}


def test_every_rule_has_a_mutation_and_a_severity():
    assert set(MUTATIONS) == set(CHECKS)
    assert {severity for _, severity, _ in CNIPA_RULES} == {"error", "warning"}
    assert all(c.quarantine == (c.severity == "error") for c in CHECKS.values())


@pytest.mark.parametrize("rule", sorted(CHECKS))
def test_real_samples_pass(con, failures, rule):
    assert [(pub, value) for pub, value in failures(con, CHECKS[rule])] == SAMPLE_WARNINGS.get(rule, [])


@pytest.mark.parametrize("rule", sorted(CHECKS))
def test_a_mutated_sample_fails(con, failures, rule):
    mutation, pub_number = MUTATIONS[rule]
    con.execute(mutation)
    failed = [pub for pub, _ in failures(con, CHECKS[rule])]
    assert pub_number in failed
    assert set(failed) - {pub for pub, _ in SAMPLE_WARNINGS.get(rule, [])} == {pub_number}


def test_the_region_rule_rejects_a_vintage_it_does_not_know(con, failures):
    con.execute("update parties set region_vintage = 'some-other-vintage' where pub_number = 'CN116806270B'")
    assert {pub for pub, _ in failures(con, CHECKS["region_codes_exist"])} == {"CN116806270B"}


def test_hong_kong_applicants_keep_their_own_province_code(con, failures):
    con.execute("update parties set country = 'HK', province_code = '81', city_code = null, county_code = null "
                "where pub_number = 'CN113781974A' and role = 'applicant'")
    assert failures(con, CHECKS["foreign_applicant_province"]) == []
    assert failures(con, CHECKS["region_codes_exist"]) == []
