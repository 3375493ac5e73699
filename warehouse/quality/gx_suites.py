"""Turn checks into Great Expectations 1.x expectations and suites (imported only where checks run).

Every expectation carries its rule name in `meta["rule"]`, so results map back to checks, and its
severity: GX's `critical` for our errors, `warning` for warnings. SQL rules become
`ExpectNoRuleViolations`, a custom expectation: an UnexpectedRowsExpectation whose query returns the
failing rows of one rule and whose description is the rule's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import great_expectations as gx
from great_expectations.expectations.expectation import Expectation
from great_expectations.expectations.metadata_types import FailureSeverity

from warehouse.quality.checks import Check, ColumnCheck, Severity, SqlCheck

SEVERITY = {"error": FailureSeverity.CRITICAL, "warning": FailureSeverity.WARNING}


class ExpectNoRuleViolations(gx.expectations.UnexpectedRowsExpectation):
    """No row of the batch violates the rule; the query selects the violating rows."""

    description: str | None = "No row violates the rule."


def _severity(severity: Severity) -> FailureSeverity:
    return SEVERITY[severity]


def _column_expectation(check: ColumnCheck) -> Expectation:
    common = {"severity": _severity(check.severity), "meta": {"rule": check.name}}
    if check.kind == "not_null":
        return gx.expectations.ExpectColumnValuesToNotBeNull(column=check.columns[0], **common)
    if check.kind == "in_set":
        return gx.expectations.ExpectColumnValuesToBeInSet(
            column=check.columns[0], value_set=list(check.values), **common
        )
    if len(check.columns) == 1:
        return gx.expectations.ExpectColumnValuesToBeUnique(column=check.columns[0], **common)
    return gx.expectations.ExpectCompoundColumnsToBeUnique(column_list=list(check.columns), **common)


def _sql_expectation(check: SqlCheck) -> Expectation:
    return ExpectNoRuleViolations(
        unexpected_rows_query=check.unexpected_rows_query(),
        description=f"{check.name}: {check.description}",
        severity=_severity(check.severity),
        meta={"rule": check.name},
    )


def expectation(check: Check) -> Expectation:
    return _sql_expectation(check) if isinstance(check, SqlCheck) else _column_expectation(check)


def suite_name(check: Check) -> str:
    return check.suite if check.suite != "schema" else f"schema.{check.batch}"


def suites(checks: Iterable[Check]) -> dict[tuple[str, str], gx.ExpectationSuite]:
    """One suite per (suite name, batch table), in first-seen order."""
    grouped: dict[tuple[str, str], list[Check]] = defaultdict(list)
    for check in checks:
        grouped[(suite_name(check), check.batch)].append(check)
    out: dict[tuple[str, str], gx.ExpectationSuite] = {}
    for (name, batch), members in grouped.items():
        suite = gx.ExpectationSuite(name=name)
        for check in members:
            suite.add_expectation(expectation(check))
        out[(name, batch)] = suite
    return out
