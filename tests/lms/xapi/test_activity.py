"""Monthly activity figures follow every store and every voiding."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from lms.xapi.models import MonthlyActivity
from lms.xapi.selectors import monthly_activity
from lms.xapi.services import activity, record
from tests.lms.xapi.factories import new_id, statement
from tests.lms.xapi.test_record import attended_event
from tests.lms.xapi.test_statements_resource import LRS, lrs  # noqa: F401

pytestmark = pytest.mark.django_db

COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def figures() -> dict[tuple[date, str], int]:
    return {
        (row.month, row.verb_iri): row.count
        for row in MonthlyActivity.objects.exclude(count=0)
    }


def test_recorded_events_count_once_in_their_month() -> None:
    event = attended_event()
    record(event)
    record(event)  # the same event again: one statement, one count
    record(attended_event(identity="other", timestamp=datetime(2026, 4, 1, tzinfo=UTC)))
    verb = event.verb.iri
    counts = {(m, c) for (m, v), c in figures().items() if v == verb}
    assert counts == {(date(2026, 3, 1), 1), (date(2026, 4, 1), 1)}


def test_lrs_batches_and_voiding_adjust_the_figures(lrs: LRS) -> None:  # noqa: F811
    march = "2026-03-05T10:00:00Z"
    ids = [new_id() for _ in range(3)]
    response = lrs.post(
        [
            statement(statement_id=ids[0], timestamp=march),
            statement(statement_id=ids[1], timestamp=march),
            statement(statement_id=ids[2], verb=ATTEMPTED, timestamp=march),
        ]
    )
    assert response.status_code == 200
    assert figures() == {
        (date(2026, 3, 1), COMPLETED): 2,
        (date(2026, 3, 1), ATTEMPTED): 1,
    }
    voiding = statement(
        verb=VOIDED,
        object={"objectType": "StatementRef", "id": ids[0]},
        timestamp="2026-05-01T00:00:00Z",
    )
    assert lrs.post(voiding).status_code == 200
    assert figures() == {
        (date(2026, 3, 1), COMPLETED): 1,
        (date(2026, 3, 1), ATTEMPTED): 1,
        (date(2026, 5, 1), VOIDED): 1,
    }
    # A rejected batch changes nothing.
    bad = [statement(timestamp=march), {"actor": "nobody"}]
    assert lrs.post(bad).status_code == 400
    assert figures()[(date(2026, 3, 1), COMPLETED)] == 1
    # The rebuild from the statements agrees with the kept figures.
    kept = figures()
    call_command("rebuild_xapi_activity", stdout=StringIO())
    assert figures() == kept


def test_monthly_activity_reads_one_range_in_one_query(
    django_assert_num_queries: Any,
) -> None:
    activity.adjust(
        Counter(
            {
                (date(2025, 12, 1), COMPLETED): 4,
                (date(2026, 1, 1), COMPLETED): 2,
                (date(2026, 2, 1), ATTEMPTED): 7,
            }
        )
    )
    with django_assert_num_queries(1):
        rows = monthly_activity(since=date(2026, 1, 1), until=date(2026, 3, 1))
    assert rows == [(date(2026, 1, 1), COMPLETED, 2), (date(2026, 2, 1), ATTEMPTED, 7)]


@pytest.mark.django_db
def test_counts_are_written_in_one_order_so_concurrent_batches_cannot_deadlock() -> (
    None
):
    # Two clients posting batches at once deadlocked on PostgreSQL when their
    # upserts met the same (month, verb) rows in different orders.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    changes: Counter[tuple[date, str]] = Counter(
        {
            (date(2026, 3, 1), "https://v.example.org/b"): 2,
            (date(2026, 1, 1), "https://v.example.org/z"): 1,
            (date(2026, 3, 1), "https://v.example.org/a"): 4,
            (date(2025, 12, 1), "https://v.example.org/a"): 3,
        }
    )
    for ordering in (changes, Counter(dict(reversed(list(changes.items()))))):
        with CaptureQueriesContext(connection) as queries:
            activity.adjust(ordering)
        (query,) = queries.captured_queries
        months = ("2025-12-01", "2026-01-01", "2026-03-01")
        positions = [query["sql"].index(f"'{m}'") for m in months]
        assert positions == sorted(positions)
        assert query["sql"].index("/a'") < query["sql"].index("/b'")
    assert sorted(
        MonthlyActivity.objects.values_list("month", "verb_iri", "count")
    ) == sorted((m, v, 2 * n) for (m, v), n in changes.items())
