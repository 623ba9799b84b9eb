"""Session evaluation pages: the participant's form and "received" page, the panel
on /trajectory/, the results for coaches and the programme team (chart and data
table), who may see what, and the queries the results pages take."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.evaluation_world import USEFUL, EvalWorld, build_world
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import (
    CohortSession,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationSubmission,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(coach: Any) -> EvalWorld:
    return build_world(coach)


def _form_url(world: EvalWorld) -> str:
    return reverse("engage_trajectories:evaluation", args=[world.session.pk])


def _results_url(world: EvalWorld) -> str:
    return reverse("engage_trajectories:session_evaluation", args=[world.session.pk])


def _cohort_url(world: EvalWorld) -> str:
    return reverse("engage_trajectories:cohort_evaluations", args=[world.cohort.pk])


def _post(world: EvalWorld, **values: str) -> dict[str, str]:
    keys = world.keys
    data = {"anonymous": "True"}
    for index, value in values.items():
        data[f"q-{keys[int(index[1:])]}"] = value
    return data


def test_a_participant_answers_once_and_sees_it_was_received(
    world: EvalWorld, client_for: Any
) -> None:
    client = client_for(world.participants[0].user)
    page = client.get(_form_url(world))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Evaluation of session 1: Session 1" in html
    assert "This evaluation is anonymous" in html
    assert escape(USEFUL) in html and "4 — Agree" in html
    assert 'type="radio"' in html and "<textarea" in html

    response = client.post(
        _form_url(world), _post(world, q0="4", q1="2", q2="Less slides."), follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == _form_url(world)
    assert "Thank you: your answer was received." in html
    assert "Your answer was received." in html and "data-received" in html
    assert "Less slides." not in html  # anonymous: not even shown back
    assert '<form method="post" class="narrow evaluation-form"' not in html
    assert EvaluationSubmission.objects.count() == 1

    again = client.post(_form_url(world), _post(world, q0="1"))
    assert again.status_code == 400
    assert "You already evaluated this session" in again.content.decode()
    assert EvaluationResponse.objects.count() == 1


def test_bad_input_on_the_form_names_the_question_and_keeps_the_text(
    world: EvalWorld, client_for: Any
) -> None:
    client = client_for(world.participants[0].user)
    typed = "My long story " * 200  # 2,800 characters
    response = client.post(_form_url(world), _post(world, q0="9", q2=typed))
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Select a valid choice" in html  # the statement
    assert "at most 2000 characters" in html  # the open question
    assert escape(typed.strip()[:50]) in html  # kept in the text box
    assert not EvaluationAnswer.objects.exists()

    missing = client.post(_form_url(world), _post(world, q2="Only text"))
    assert missing.status_code == 400
    assert "This field is required." in missing.content.decode()
    assert not EvaluationSubmission.objects.exists()

    hostile = client.post(
        _form_url(world),
        _post(world, q0="5", q2='<script>alert("x")</script><b>Bold</b> move'),
    )
    assert hostile.status_code == 302
    assert EvaluationAnswer.objects.get(likert__isnull=True).text == "Bold move"


def test_empty_or_junk_posts_never_fail(world: EvalWorld, client_for: Any) -> None:
    client = client_for(world.participants[0].user)
    assert client.post(_form_url(world), {}).status_code == 400
    junk = client.post(_form_url(world), {"q-made-up": "3", "anonymous": "maybe"})
    assert junk.status_code == 400
    assert not EvaluationSubmission.objects.exists()


def test_closed_not_yet_and_not_attended_say_why(
    world: EvalWorld, client_for: Any, coach: Any
) -> None:
    participant = world.participants[0]
    client = client_for(participant.user)
    later = world.cohort.sessions.get(number=2)
    services.mark_attendance(
        actor=coach, session=later, enrolment=participant, status="present"
    )
    url = reverse("engage_trajectories:evaluation", args=[later.pk])
    assert "once it has ended" in client.get(url).content.decode()
    refused = client.post(url, _post(world, q0="4"))
    assert refused.status_code == 400
    assert "once it has ended" in refused.content.decode()

    ends = timezone.now() - timedelta(days=15)
    CohortSession.objects.filter(pk=later.pk).update(
        starts_at=ends - timedelta(hours=2), ends_at=ends
    )
    assert "closed on" in client.get(url).content.decode()
    assert client.post(url, _post(world, q0="4")).status_code == 400

    services.mark_attendance(
        actor=coach, session=world.session, enrolment=participant, status="absent"
    )
    page = client.get(_form_url(world)).content.decode()
    assert "Only participants who attended" in page
    assert client.post(_form_url(world), _post(world, q0="4")).status_code == 400
    assert not EvaluationSubmission.objects.exists()


def test_only_participants_of_the_cohort_reach_the_form(
    world: EvalWorld, client_for: Any, coach: Any, lecturer: Any, programme_admin: Any
) -> None:
    other = make_cohort(world.programme, coaches=(coach,))
    services.enrol(user=lecturer, cohort=other)
    for user in (lecturer, coach, programme_admin):
        client = client_for(user)
        assert client.get(_form_url(world)).status_code == 404
        assert client.post(_form_url(world), _post(world, q0="4")).status_code == 404
    signed_out = Client().get(_form_url(world))
    assert (
        signed_out.status_code == 302 and "/accounts/login/" in signed_out["Location"]
    )
    assert Client().post(_form_url(world), _post(world, q0="4")).status_code == 302
    missing = reverse("engage_trajectories:evaluation", args=[10**9])
    assert client_for(lecturer).get(missing).status_code == 404
    assert not EvaluationSubmission.objects.exists()


def test_the_trajectory_page_lists_open_evaluations(
    world: EvalWorld, client_for: Any
) -> None:
    participant = world.participants[0]
    client = client_for(participant.user)
    mine = reverse("engage_trajectories:mine")
    html = client.get(mine).content.decode()
    panel = html.split("data-evaluations>", 1)[1].split("</section>", 1)[0]
    assert "Evaluate session 1: Session 1" in panel
    assert f'href="{_form_url(world)}"' in panel and "open until" in panel
    world.answer(participant)
    html = client.get(mine).content.decode()
    panel = html.split("data-evaluations>", 1)[1].split("</section>", 1)[0]
    assert "your answer was received" in panel and "href" not in panel


def test_coaches_and_the_team_see_results_with_a_chart_and_a_table(
    world: EvalWorld, client_for: Any, coach: Any, programme_admin: Any
) -> None:
    for n, enrolment in enumerate(world.participants[:5]):
        world.answer(enrolment, first=n % 5 + 1, text=f"Idea {5 - n}")
    for user in (coach, programme_admin):
        html = client_for(user).get(_results_url(world)).content.decode()
        assert "5 participants answered." in html
        assert "data-results-table" in html and "<svg" in html
        table = html.split("data-results-table>", 1)[1].split("</table>", 1)[0]
        assert f'<th scope="row">{escape(USEFUL)}</th><td class="num">5</td>' in table
        assert '<td class="num">3.0</td>' in table  # the mean of 1 to 5
        texts = html.split("data-texts>", 1)[1].split("</ul>", 1)[0]
        assert texts.index("Idea 1") < texts.index("Idea 2") < texts.index("Idea 5")
        assert "Answer (1 = strongly disagree, 5 = strongly agree)" in html

    cohort_html = client_for(coach).get(_cohort_url(world)).content.decode()
    assert "All sessions together" in cohort_html and "<svg" in cohort_html
    assert f'href="{_results_url(world)}"' in cohort_html
    coach_page = client_for(coach).get(
        reverse("engage_trajectories:cohort", args=[world.cohort.pk])
    )
    assert f'href="{_cohort_url(world)}"' in coach_page.content.decode()


def test_below_the_minimum_the_pages_say_when_results_appear(
    world: EvalWorld, client_for: Any, coach: Any
) -> None:
    for enrolment in world.participants[:4]:
        world.answer(enrolment, text="Only four of us")
    client = client_for(coach)
    for url in (_results_url(world), _cohort_url(world)):
        html = client.get(url).content.decode()
        assert "Results appear when at least 5 participants have answered." in html
        assert "Only four of us" not in html and "<svg" not in html
        assert "4 participants answered" not in html
    assert "fewer than 5" in client.get(_cohort_url(world)).content.decode()


def test_others_never_see_results(
    world: EvalWorld, client_for: Any, coach: Any, coordinator: Any
) -> None:
    for enrolment in world.participants[:5]:
        world.answer(enrolment)
    other_coach = person(Role.COACH, username="other-coach")
    make_cohort(world.programme, coaches=(other_coach,))
    urls = [
        _results_url(world),
        _cohort_url(world),
        reverse("engage_trajectories:programme_evaluations", args=[world.programme.pk]),
    ]
    for user in (world.participants[0].user, other_coach, coordinator):
        client = client_for(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
    for url in urls:
        response = Client().get(url)
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )
    # The cohort's own coach: its pages, not the programme's.
    assert client_for(coach).get(urls[2]).status_code == 404


def test_the_programme_team_sees_the_programme_summary(
    world: EvalWorld, client_for: Any, programme_admin: Any
) -> None:
    for enrolment in world.participants[:5]:
        world.answer(enrolment, text="Fine")
    url = reverse(
        "engage_trajectories:programme_evaluations", args=[world.programme.pk]
    )
    client = client_for(programme_admin)
    html = client.get(url).content.decode()
    assert "data-cohorts-table" in html and "All cohorts together" in html
    assert "5 participants answered." in html
    assert "Fine" not in html  # counted, not listed
    assert client.get(url + "?year=1999-2000").status_code == 200
    assert client.get(url + "?year=<script>").status_code == 200
    cohort_html = client.get(_cohort_url(world)).content.decode()
    assert f'href="{url}?year=2026-2027"' in cohort_html


def _busy(coach: Any, participants: int, sessions: int) -> EvalWorld:
    world = build_world(coach, participants=participants)
    for number in range(1, sessions + 1):
        session = world.cohort.sessions.get(number=number)
        if number > 1:
            ends = timezone.now() - timedelta(hours=number)
            CohortSession.objects.filter(pk=session.pk).update(
                starts_at=ends - timedelta(hours=2), ends_at=ends
            )
            session.refresh_from_db()
        for n, enrolment in enumerate(world.participants):
            services.mark_attendance(
                actor=coach, session=session, enrolment=enrolment, status="present"
            )
            services.submit_evaluation(
                user=enrolment.user,
                session=session,
                answers=world.answers(first=n % 5 + 1, text=f"Note {n}"),
            )
    return world


def test_the_results_pages_take_a_fixed_number_of_queries(
    coach: Any, client_for: Any, django_assert_num_queries: Any
) -> None:
    small = _busy(coach, participants=5, sessions=1)
    client = client_for(coach)
    client.get(_cohort_url(small))  # warm the per-site caches
    with django_assert_num_queries(13) as cohort_page:
        assert client.get(_cohort_url(small)).status_code == 200
    with django_assert_num_queries(12) as session_page:
        assert client.get(_results_url(small)).status_code == 200

    big = _busy(coach, participants=25, sessions=3)
    with django_assert_num_queries(len(cohort_page)):
        html = client.get(_cohort_url(big)).content.decode()
    assert "75 participants answered." in html
    assert html.count("<li>Note 1</li>") == 3  # every session's, listed once each
    with django_assert_num_queries(len(session_page)):
        html = client.get(_results_url(big)).content.decode()
    assert "25 participants answered." in html


def test_the_trajectory_page_costs_one_query_for_open_evaluations(
    world: EvalWorld, client_for: Any, django_assert_num_queries: Any
) -> None:
    client = client_for(world.participants[0].user)
    mine = reverse("engage_trajectories:mine")
    client.get(mine)
    with django_assert_num_queries(12) as page:
        client.get(mine)
    for number in (2, 3):
        session = world.cohort.sessions.get(number=number)
        ends = timezone.now() - timedelta(hours=number)
        CohortSession.objects.filter(pk=session.pk).update(
            starts_at=ends - timedelta(hours=2), ends_at=ends
        )
        services.mark_attendance(
            actor=world.coach,
            session=session,
            enrolment=world.participants[0],
            status="present",
        )
    with django_assert_num_queries(len(page)):
        html = client.get(mine).content.decode()
    assert html.count("Evaluate session") == 3


def test_the_programme_team_sets_questions_and_finds_results_in_wagtail(
    world: EvalWorld, client_for: Any, programme_admin: Any
) -> None:
    admin = person(username="root")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    edit = client_for(admin).get(f"/admin/pages/{world.programme.pk}/edit/")
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "Session evaluation" in html
    assert "minimum group size for results" in html.lower()
    cohort = client_for(programme_admin).get(f"/admin/cohorts/edit/{world.cohort.pk}/")
    assert cohort.status_code == 200
    assert f'href="{_cohort_url(world)}"' in cohort.content.decode()
