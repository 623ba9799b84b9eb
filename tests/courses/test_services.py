"""Marking lessons done: idempotent, recorded once, and the course completes once."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from courses import services
from courses.exceptions import LessonNotAvailable, NotAllowed
from courses.models import CourseCompletion, LessonCompletion
from courses.signals import course_completed
from lms.accounts.selectors import profile_of
from lms.xapi.builder import statement_id
from lms.xapi.models import Statement
from lms.xapi.vocabulary import ActivityTypes, Verbs
from tests.courses.factories import LessonPageFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def completions() -> Any:
    """Every course_completed signal sent during the test, as (user, course)."""
    sent: list[tuple[Any, Any]] = []

    def receiver(sender: Any, user: Any, course: Any, **kwargs: Any) -> None:
        sent.append((user, course))

    course_completed.connect(receiver, dispatch_uid="test-courses-completed")
    yield sent
    course_completed.disconnect(dispatch_uid="test-courses-completed")


def _completed_statements(user: Any) -> list[Statement]:
    name = str(profile_of(user).xapi_id)
    return [
        statement
        for statement in Statement.objects.filter(
            verb_iri=Verbs.COMPLETED.iri
        ).order_by("stored", "pk")
        if statement.payload["actor"]["account"]["name"] == name
    ]


def test_marking_a_lesson_done_twice_keeps_one_completion_and_one_statement(
    lecturer: Any,
) -> None:
    course, lessons = make_course(3)

    first = services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    again = services.mark_lesson_done(user=lecturer, lesson=lessons[0])

    assert first.pk == again.pk
    assert LessonCompletion.objects.filter(user=lecturer).count() == 1
    statements = _completed_statements(lecturer)
    assert len(statements) == 1
    actor = profile_of(lecturer).xapi_id
    assert statements[0].statement_id == statement_id(
        f"lesson-completed:{lessons[0].pk}:{actor}"
    )
    payload = statements[0].payload
    assert payload["object"]["definition"]["type"] == ActivityTypes.LESSON.iri
    assert payload["object"]["id"].endswith(f"/xapi/activities/lesson/{lessons[0].pk}")
    parent = payload["context"]["contextActivities"]["parent"][0]
    assert parent["id"].endswith(f"/xapi/activities/course/{course.pk}")
    assert payload["result"] == {"completion": True}


def test_undoing_and_redoing_a_lesson_records_no_second_statement(
    lecturer: Any,
) -> None:
    _course, lessons = make_course(2)
    services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    services.mark_lesson_not_done(user=lecturer, lesson=lessons[0])
    services.mark_lesson_not_done(user=lecturer, lesson=lessons[0])  # idempotent
    assert not LessonCompletion.objects.filter(user=lecturer).exists()

    services.mark_lesson_done(user=lecturer, lesson=lessons[0])

    assert LessonCompletion.objects.filter(user=lecturer).count() == 1
    assert len(_completed_statements(lecturer)) == 1


def test_the_last_lesson_completes_the_course_once(
    lecturer: Any, completions: list[tuple[Any, Any]]
) -> None:
    course, lessons = make_course(3)
    for lesson in lessons[:2]:
        services.mark_lesson_done(user=lecturer, lesson=lesson)
    assert completions == []
    assert not CourseCompletion.objects.exists()

    services.mark_lesson_done(user=lecturer, lesson=lessons[2])
    services.mark_lesson_done(user=lecturer, lesson=lessons[2])
    services.mark_lesson_not_done(user=lecturer, lesson=lessons[1])
    services.mark_lesson_done(user=lecturer, lesson=lessons[1])

    assert [(u.pk, c.pk) for u, c in completions] == [(lecturer.pk, course.pk)]
    assert CourseCompletion.objects.filter(user=lecturer, course=course).count() == 1
    statements = _completed_statements(lecturer)
    assert len(statements) == 4  # three lessons and the course
    course_statement = statements[-1]
    actor = profile_of(lecturer).xapi_id
    assert course_statement.statement_id == statement_id(
        f"course-completed:{course.pk}:{actor}"
    )
    assert course_statement.object_activity_iri.endswith(f"/course/{course.pk}")


def test_draft_lessons_do_not_count_towards_the_course(
    lecturer: Any, completions: list[tuple[Any, Any]]
) -> None:
    course, lessons = make_course(2)
    draft = LessonPageFactory(parent=course, live=False)

    for lesson in lessons:
        services.mark_lesson_done(user=lecturer, lesson=lesson)

    assert len(completions) == 1
    with pytest.raises(LessonNotAvailable):
        services.mark_lesson_done(user=lecturer, lesson=draft)


def test_a_lesson_of_an_unpublished_course_cannot_be_done(lecturer: Any) -> None:
    course, lessons = make_course(1)
    course.unpublish(set_expired=False, commit=True, log_action=None)
    lessons[0].refresh_from_db()
    assert lessons[0].live  # Wagtail unpublishes the course only

    with pytest.raises(LessonNotAvailable):
        services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    assert not LessonCompletion.objects.exists()


def test_people_complete_independently(
    lecturer: Any, coach: Any, completions: list[tuple[Any, Any]]
) -> None:
    course, lessons = make_course(1)
    services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    services.mark_lesson_done(user=coach, lesson=lessons[0])
    services.mark_lesson_not_done(user=coach, lesson=lessons[0])

    assert LessonCompletion.objects.filter(user=lecturer).count() == 1
    assert [u.pk for u, _c in completions] == [lecturer.pk, coach.pk]


def test_anonymous_people_cannot_mark_lessons() -> None:
    from django.contrib.auth.models import AnonymousUser

    _course, lessons = make_course(1)
    with pytest.raises(NotAllowed):
        services.mark_lesson_done(user=AnonymousUser(), lesson=lessons[0])
    with pytest.raises(NotAllowed):
        services.mark_lesson_not_done(user=AnonymousUser(), lesson=lessons[0])


def test_a_failing_receiver_rolls_back_the_completion_and_its_statements(
    lecturer: Any,
) -> None:
    _course, lessons = make_course(1)

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("receiver failed")

    course_completed.connect(broken, dispatch_uid="test-courses-broken")
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    finally:
        course_completed.disconnect(dispatch_uid="test-courses-broken")

    assert not LessonCompletion.objects.exists()
    assert not CourseCompletion.objects.exists()
    assert _completed_statements(lecturer) == []
