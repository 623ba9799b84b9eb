"""Courses and lessons in a programme's session plan, shown per session on the
lecturer's trajectory page with what they have done."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from courses import services as course_services
from lms.accounts.roles import Role
from tests.courses.factories import LessonPageFactory, make_course
from tests.factories import person
from tests.trajectories.factories import make_cohort, make_programme
from trajectories import services
from trajectories.models import ProgrammePage
from trajectories.selectors import my_trajectories

pytestmark = pytest.mark.django_db


def _plan(programme: ProgrammePage, *content: list[int]) -> ProgrammePage:
    """One planned session per list of linked page ids (the second mandatory)."""
    # As the editor stores it (a list block's items are {"type", "value", "id"}).
    programme.session_plan = [
        {
            "type": "session",
            "value": {
                "title": f"Plan {n}",
                "goals": "<p>g</p>",
                "mandatory": n == 2,
                "content": [
                    {"type": "item", "value": page_id, "id": f"{n}-{page_id}"}
                    for page_id in ids
                ],
            },
        }
        for n, ids in enumerate(content, start=1)
    ]
    programme.save_revision().publish()
    return ProgrammePage.objects.get(pk=programme.pk)


def test_the_plan_gives_linked_pages_per_session_without_queries(
    django_assert_num_queries: Any,
) -> None:
    course, lessons = make_course(2)
    programme = _plan(make_programme(), [lessons[0].pk, course.pk], [], [lessons[1].pk])
    with django_assert_num_queries(0):
        assert programme.linked_page_ids() == {
            1: (lessons[0].pk, course.pk),
            3: (lessons[1].pk,),
        }
        assert programme.mandatory_session_numbers() == {2}


def test_the_lecturer_sees_each_sessions_lessons_and_what_is_done(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    course, lessons = make_course(3)
    draft = LessonPageFactory(parent=course, live=False)
    programme = _plan(
        make_programme(), [lessons[0].pk, lessons[1].pk, draft.pk], [course.pk]
    )
    cohort = make_cohort(programme, coaches=(coach,), sessions=3)
    services.enrol(user=lecturer, cohort=cohort)
    course_services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    course_services.mark_lesson_done(user=lecturer, lesson=lessons[2])

    (overview,) = my_trajectories(lecturer)
    first, second, third = overview.sessions
    assert [(c.title, c.done) for c in first.content] == [
        (lessons[0].title, True), (lessons[1].title, False)
    ]  # fmt: skip
    assert [(c.kind, c.lessons_done, c.lessons_total) for c in second.content] == [
        ("course", 2, 3)
    ]
    assert third.content == ()

    html = client_for(lecturer).get(reverse("engage_trajectories:mine")).content
    page = html.decode()
    one = page.split(f'id="session-{first.session.pk}"', 1)[1].split("</section>")[0]
    assert f'<a href="{lessons[0].url}">{lessons[0].title}</a> — <strong>done' in one
    assert f'<a href="{lessons[1].url}">{lessons[1].title}</a> — not done yet' in one
    assert draft.title not in page
    two = page.split(f'id="session-{second.session.pk}"', 1)[1].split("</section>")[0]
    assert "course: 2 of 3 lessons done" in two
    assert f'id="session-{third.session.pk}"' not in page


def test_the_programme_page_lists_only_live_linked_pages() -> None:
    course, lessons = make_course(1)
    draft = LessonPageFactory(parent=course, live=False, title="Secret draft")
    programme = _plan(make_programme(), [lessons[0].pk, draft.pk])
    body = Client().get(programme.url).content.decode()
    assert f'href="{lessons[0].url}"' in body
    assert "Secret draft" not in body


def test_waiting_list_and_other_lecturers_see_nothing_of_it(
    lecturer: Any, coach: Any
) -> None:
    course, lessons = make_course(1)
    cohort = make_cohort(
        _plan(make_programme(), [lessons[0].pk]), capacity=1, coaches=(coach,)
    )
    services.enrol(user=person(Role.LECTURER, username="first"), cohort=cohort)
    services.enrol(user=lecturer, cohort=cohort)  # waiting list
    (overview,) = my_trajectories(lecturer)
    assert all(line.content == () for line in overview.sessions)


def test_the_trajectory_page_takes_a_fixed_number_of_queries(
    lecturer: Any, coach: Any, client_for: Any, django_assert_num_queries: Any
) -> None:
    course, lessons = make_course(2)
    programme = _plan(make_programme(), [lessons[0].pk], [course.pk])
    services.enrol(user=lecturer, cohort=make_cohort(programme, coaches=(coach,)))
    client = client_for(lecturer)
    client.get(reverse("engage_trajectories:mine"))  # warm the per-site caches
    # The six of the page (no peer group, so none for its members) and four for
    # the linked courses and lessons.
    with django_assert_num_queries(10):
        my_trajectories(lecturer)
    # Five more for the sign-in, the menu and the header.
    with django_assert_num_queries(15) as page:
        assert client.get(reverse("engage_trajectories:mine")).status_code == 200
    for n in range(4):
        more, more_lessons = make_course(3)
        plan = _plan(
            make_programme(f"Programme {n}"),
            [more.pk, *(x.pk for x in more_lessons)],
            [lessons[1].pk],
        )
        services.enrol(user=lecturer, cohort=make_cohort(plan, coaches=(coach,)))
        course_services.mark_lesson_done(user=lecturer, lesson=more_lessons[n % 3])
    with django_assert_num_queries(10):
        overviews = my_trajectories(lecturer)
    assert len(overviews) == 5
    assert sum(len(line.content) for o in overviews for line in o.sessions) == 2 + 4 * 5
    with django_assert_num_queries(len(page)):
        response = client.get(reverse("engage_trajectories:mine"))
    assert response.content.decode().count("data-content") == 2 + 4 * 2
