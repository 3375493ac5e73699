"""The freshness alarm: CNIPA keeps a weekly package on its download service for only 30 days.

Stale means the newest CNIPA publication loaded is older than `max_age_days` (default 14, well inside
the 30-day window), or a publication week inside the look-back window has no CNIPA documents at all
(a missed weekly package).
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from warehouse.db import sql


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def freshness(con: duckdb.DuckDBPyConnection, *, today: date | None = None, max_age_days: int = 14,
              lookback_weeks: int = 8) -> dict:
    today = today or date.today()
    newest = con.execute(
        "select max(pub_date) from publications where country = 'CN' and pub_date <= ?", [today]
    ).fetchone()[0]
    since = _monday(today) - timedelta(weeks=lookback_weeks)
    weeks = {r[0] for r in con.execute(sql("freshness"), {"since": since, "today": today}).fetchall()}
    missing: list[str] = []
    if weeks:
        # from the first week loaded inside the window up to last week (this week may still be arriving)
        week = min(weeks)
        while week < _monday(today):
            if week not in weeks:
                missing.append(week.isoformat())
            week += timedelta(weeks=1)
    age = (today - newest).days if newest else None
    problems = []
    if newest is None:
        problems.append("no CNIPA publications are loaded")
    elif age > max_age_days:
        problems.append(
            f"the newest CNIPA publication loaded is from {newest} ({age} days ago, more than {max_age_days}); "
            "CNIPA keeps weekly packages for 30 days — fetch the missing ones now"
        )
    if missing:
        problems.append(f"no CNIPA documents for the publication weeks starting {', '.join(missing)}")
    return {
        "stale": bool(problems),
        "newest_cn_pub_date": newest.isoformat() if newest else None,
        "age_days": age,
        "max_age_days": max_age_days,
        "missing_weeks": missing,
        "problems": problems,
    }
