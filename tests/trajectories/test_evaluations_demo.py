"""The demo: evaluation questions on the demo programme, and answers on the past
sessions of the demo cohort — enough for results, and one session below the
minimum group size."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from lms.notifications.models import Notification
from trajectories import selectors
from trajectories.models import Cohort, EvaluationResponse, EvaluationSubmission

pytestmark = pytest.mark.django_db


def _seed() -> None:
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)


def test_the_demo_cohort_has_results_and_a_session_below_the_minimum(
    client_for: Any,
) -> None:
    _seed()
    cohort = Cohort.objects.get(enrolments__user__username="lecturer")
    assert len(cohort.programme.evaluation_question_list()) == 3
    found = selectors.cohort_evaluation_results(cohort)
    shown = {s.session.number: s.results.responses for s in found.sessions}
    assert shown[1] == 7 and shown[2] == 6
    assert shown[3] is None and found.hidden_sessions == 1
    assert found.overall.responses == 13
    assert all(s.anonymous for s in found.sessions if s.opened)
    assert not EvaluationResponse.objects.filter(enrolment__isnull=False).exists()

    before = (EvaluationResponse.objects.count(), EvaluationSubmission.objects.count())
    _seed()
    assert (
        EvaluationResponse.objects.count(),
        EvaluationSubmission.objects.count(),
    ) == before

    users = get_user_model().objects
    coach = client_for(users.get(username="coach"))
    page = coach.get(f"/coach/cohorts/{cohort.pk}/evaluations/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    # The demo lecturer answered sessions 1 and 2 and was not notified by the demo.
    lecturer = users.get(username="lecturer")
    assert EvaluationSubmission.objects.filter(enrolment__user=lecturer).count() == 2
    assert not Notification.objects.filter(kind="session-evaluation").exists()
