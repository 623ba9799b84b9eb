"""course_progress: the person's progress in a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from courses import selectors, services
from tests.courses.factories import LessonPageFactory, make_course

pytestmark = pytest.mark.django_db


def test_progress_lists_live_lessons_in_order_with_done_flags(lecturer: Any) -> None:
    course, lessons = make_course(3)
    LessonPageFactory(parent=course, live=False)
    services.mark_lesson_done(user=lecturer, lesson=lessons[1])

    progress = selectors.course_progress(user=lecturer, course=course)

    assert [x.lesson_id for x in progress.lessons] == [x.pk for x in lessons]
    assert [x.number for x in progress.lessons] == [1, 2, 3]
    assert [x.done for x in progress.lessons] == [False, True, False]
    assert (progress.done, progress.total, progress.percent) == (1, 3, 33)
    assert not progress.all_done and progress.completed_at is None
    assert progress.next_lesson is not None
    assert progress.next_lesson.lesson_id == lessons[0].pk
    previous, following = progress.neighbours(lessons[1].pk)
    assert previous is not None and previous.lesson_id == lessons[0].pk
    assert following is not None and following.lesson_id == lessons[2].pk
    assert progress.neighbours(lessons[0].pk)[0] is None
    assert progress.lessons[0].url == lessons[0].url


def test_progress_takes_three_queries_whatever_the_number_of_lessons(
    lecturer: Any, django_assert_num_queries: Any
) -> None:
    course, lessons = make_course(15)
    for lesson in lessons[:9]:
        services.mark_lesson_done(user=lecturer, lesson=lesson)
    assert course.url  # caches Wagtail's site root paths (one query)

    with django_assert_num_queries(3):
        progress = selectors.course_progress(user=lecturer, course=course)
        assert progress.done == 9 and progress.total == 15
    with django_assert_num_queries(1):
        anonymous = selectors.course_progress(user=AnonymousUser(), course=course)
        assert anonymous.done == 0 and anonymous.total == 15


def test_a_completed_course_stays_completed(lecturer: Any) -> None:
    course, lessons = make_course(2)
    for lesson in lessons:
        services.mark_lesson_done(user=lecturer, lesson=lesson)
    services.mark_lesson_not_done(user=lecturer, lesson=lessons[0])

    progress = selectors.course_progress(user=lecturer, course=course)

    assert progress.completed_at is not None
    assert progress.done == 1 and not progress.all_done
