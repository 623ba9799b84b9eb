"""Completion rules, the trajectory_completed signal and the progress statements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from lms.accounts.roles import Role
from lms.xapi.builder import statement_id
from lms.xapi.models import Statement
from tests.factories import person
from tests.trajectories.progress_world import (
    Trajectory,
    make_rules_programme,
    make_trajectory,
)
from trajectories import services
from trajectories.models import Enrolment
from trajectories.selectors import progress_of
from trajectories.signals import enrolment_changed, trajectory_completed

pytestmark = pytest.mark.django_db

PROGRESSED = "http://adlnet.gov/expapi/verbs/progressed"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


@pytest.fixture
def completions() -> Iterator[list[dict[str, Any]]]:
    """Every trajectory_completed sent during the test, with what the receiver saw."""
    calls: list[dict[str, Any]] = []

    def receiver(sender: Any, enrolment: Enrolment, **kwargs: Any) -> None:
        stored = Enrolment.objects.get(pk=enrolment.pk)
        calls.append(
            {
                "sender": sender,
                "enrolment": enrolment,
                "kwargs": kwargs,
                "in_transaction": transaction.get_connection().in_atomic_block,
                "stored_status": stored.status,
                "statement_stored": Statement.objects.filter(
                    registration=enrolment.registration, verb_iri=COMPLETED
                )
                .filter(object_activity_iri__contains="/programme/")
                .exists(),
            }
        )

    trajectory_completed.connect(receiver, dispatch_uid="test-completions")
    yield calls
    trajectory_completed.disconnect(dispatch_uid="test-completions")


def _progressed(t: Trajectory) -> list[float]:
    return sorted(
        s.payload["result"]["score"]["scaled"]
        for s in Statement.objects.filter(
            registration=t.enrolment.registration, verb_iri=PROGRESSED
        )
    )


def test_meeting_every_rule_completes_once(completions: list[dict[str, Any]]) -> None:
    t = make_trajectory()
    t.everything()
    enrolment = t.refresh()
    assert enrolment.status == "completed" and enrolment.completed_at is not None
    (call,) = completions
    assert call["sender"] is Enrolment and call["enrolment"].pk == enrolment.pk
    assert set(call["kwargs"]) == {"signal"}
    assert call["in_transaction"] and call["stored_status"] == "completed"
    assert call["statement_stored"]  # the statement comes before the signal
    completed = Statement.objects.get(
        statement_id=statement_id(f"trajectory-completed:{enrolment.pk}")
    )
    assert completed.registration == enrolment.registration
    assert completed.payload["result"] == {
        "completion": True,
        "score": {"scaled": 1.0},
    }
    # More work after completing changes nothing and sends nothing.
    t.reflect(1)
    t.attend(3, status="absent")
    assert services.complete_if_done(enrolment=enrolment) is False
    assert len(completions) == 1 and t.refresh().status == "completed"
    progress = progress_of(t.refresh())
    assert progress.is_completed and progress.percent == 100
    assert progress.remaining == ()


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        ("min_attendance", "attendance"),
        ("mandatory_sessions", "mandatory_session"),
        ("all_assignments", "assignment"),
        ("reflection_per_session", "reflection"),
    ],
)
def test_each_rule_alone_keeps_the_trajectory_open(
    rule: str, kind: str, completions: list[dict[str, Any]]
) -> None:
    t = make_trajectory()
    t.everything(skip=rule)
    assert t.refresh().status == "enrolled" and t.enrolment.completed_at is None
    progress = progress_of(t.enrolment)
    assert {item.kind for item in progress.remaining} == {kind}
    assert progress.percent < 100 and not completions
    # Meeting that rule as well completes it.
    if rule == "min_attendance":
        t.attend(1)
    elif rule == "mandatory_sessions":
        t.attend(2)
    elif rule == "all_assignments":
        t.submit(t.assignment_keys()[-1])
    else:
        t.reflect(5)
    assert t.refresh().status == "completed" and len(completions) == 1


@pytest.mark.parametrize(
    ("rule", "skip"),
    [
        ("min_attendance", 0),
        ("mandatory_sessions", False),
        ("all_assignments", False),
        ("reflection_per_session", False),
    ],
)
def test_a_rule_switched_off_is_not_asked(
    rule: str, skip: Any, completions: list[dict[str, Any]]
) -> None:
    t = make_trajectory(make_rules_programme(**{rule: skip}))
    t.everything(skip=rule)
    assert t.refresh().status == "completed" and len(completions) == 1


def test_each_way_in_calls_completion(completions: list[dict[str, Any]]) -> None:
    """Attendance by the coach, a check-in, a submitted assignment and a shared
    entry each complete the trajectory when it is the last thing missing."""
    for last, finish in [
        ("attendance", lambda t: t.attend(5)),
        ("assignment", lambda t: t.submit(t.assignment_keys()[-1])),
        ("share", lambda t: t.reflect(5)),
    ]:
        t = make_trajectory(
            lecturer=person(Role.LECTURER, username=f"l-{last}"),
            coach=person(Role.COACH, username=f"c-{last}"),
        )
        t.attend(*((2, 3, 4) if last == "attendance" else (1, 2, 3, 4, 5)))
        keys = t.assignment_keys()
        t.submit(*(keys[:-1] if last == "assignment" else keys))
        t.reflect(*(n for n in range(1, 6) if last != "share" or n != 5))
        assert t.refresh().status == "enrolled", last
        finish(t)
        assert t.refresh().status == "completed", last
    assert len(completions) == 3


def test_checking_in_completes(completions: list[dict[str, Any]]) -> None:
    from datetime import timedelta

    from django.utils import timezone

    t = make_trajectory()
    t.everything(skip="min_attendance")  # attended 2, 3, 4
    session = t.cohort.sessions.get(number=5)
    now = timezone.now()
    session.starts_at, session.ends_at = now - timedelta(hours=1), now
    session.save()
    code = services.new_checkin_code(actor=t.coach, session=session)
    services.check_in(user=t.lecturer, code=code)
    assert t.refresh().status == "completed" and len(completions) == 1


def test_moving_a_shared_entry_to_another_session_completes() -> None:
    t = make_trajectory()
    t.everything(skip="reflection_per_session")  # no reflection on session 5
    entry = t.enrolment.journal_entries.get(session__number=4)
    services.save_entry(
        author=t.lecturer, enrolment=t.enrolment, entry=entry, title=entry.title,
        sections=entry.sections, session_id=t.cohort.sessions.get(number=5).pk,
        version=entry.version,
    )  # fmt: skip
    assert t.refresh().status == "enrolled"  # session 4 lost its reflection
    t.reflect(4)
    assert t.refresh().status == "completed"


def test_making_an_entry_private_again_lowers_the_progress() -> None:
    t = make_trajectory()
    t.reflect(1)
    entry = t.enrolment.journal_entries.get()
    assert progress_of(t.enrolment).sessions_reflected == 1
    services.share_entry(author=t.lecturer, entry=entry, visibility="private")
    assert progress_of(t.enrolment).sessions_reflected == 0


def test_withdrawal_and_return_do_not_announce_completion_twice(
    completions: list[dict[str, Any]],
) -> None:
    t = make_trajectory()
    t.everything()
    first_completed_at = t.refresh().completed_at
    services.withdraw(user=t.lecturer, enrolment=t.enrolment)
    assert t.refresh().status == "withdrawn"
    assert services.complete_if_done(enrolment=t.enrolment) is False
    services.enrol(user=t.lecturer, cohort=t.cohort)
    assert t.refresh().status == "enrolled"
    t.attend(1)  # recomputes: the rules still hold
    enrolment = t.refresh()
    assert enrolment.status == "completed"
    assert enrolment.completed_at == first_completed_at
    assert len(completions) == 1
    assert (
        Statement.objects.filter(
            registration=enrolment.registration, verb_iri=COMPLETED
        )
        .filter(object_activity_iri__contains="/programme/")
        .count()
        == 1
    )


def test_status_change_is_announced_with_enrolment_changed() -> None:
    t = make_trajectory()
    seen: list[str] = []

    def receiver(sender: Any, enrolment: Enrolment, **kwargs: Any) -> None:
        seen.append(enrolment.status)

    enrolment_changed.connect(receiver, dispatch_uid="test-changed")
    try:
        t.everything()
    finally:
        enrolment_changed.disconnect(dispatch_uid="test-changed")
    assert seen == ["completed"]


def test_waiting_list_and_withdrawn_never_complete(
    completions: list[dict[str, Any]],
) -> None:
    t = make_trajectory()
    t.everything(skip="mandatory_sessions")
    services.withdraw(user=t.lecturer, enrolment=t.enrolment)
    # The coach marks the missing session after the withdrawal.
    t.attend(2)
    assert t.refresh().status == "withdrawn" and not completions


def test_progress_is_recorded_once_per_new_percentage() -> None:
    t = make_trajectory()
    assert _progressed(t) == []  # enrolling is no progress
    t.attend(1)
    assert _progressed(t) == [0.09]
    t.attend(1)  # same mark again: same percentage, no new statement
    t.attend(3, status="excused")  # still the same percentage
    assert _progressed(t) == [0.09]
    t.attend(3)
    assert _progressed(t) == [0.09, 0.18]
    t.attend(3, status="absent")  # back to 9 %: already recorded, not again
    assert _progressed(t) == [0.09, 0.18]
    ids = {
        s.statement_id
        for s in Statement.objects.filter(
            registration=t.enrolment.registration, verb_iri=PROGRESSED
        )
    }
    assert ids == {
        statement_id(f"trajectory-progressed:{t.enrolment.pk}:{percent}")
        for percent in (9, 18)
    }


def test_completion_records_progress_100_then_completed() -> None:
    t = make_trajectory()
    t.everything()
    statements = list(
        Statement.objects.filter(registration=t.enrolment.registration)
        .filter(verb_iri__in=(PROGRESSED, COMPLETED))
        .order_by("pk")
    )
    last_two = [(s.verb_iri, s.payload["object"]["id"]) for s in statements[-2:]]
    programme_iri = last_two[-1][1]
    assert programme_iri.endswith(f"/programme/{t.cohort.programme_id}")
    assert last_two == [(PROGRESSED, programme_iri), (COMPLETED, programme_iri)]
    assert statements[-2].payload["result"]["score"]["scaled"] == 1.0


@override_settings(ENGAGE_XAPI_IRI_BASE="https://pd.example.edu")
def test_statements_carry_no_names() -> None:
    t = make_trajectory()
    t.everything()
    for s in Statement.objects.filter(
        registration=t.enrolment.registration, verb_iri__in=(PROGRESSED, COMPLETED)
    ):
        text = str(s.payload)
        assert "progress-lecturer" not in text and t.lecturer.email not in text
