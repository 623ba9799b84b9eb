"""linked_content: courses and lessons linked from elsewhere, with the person's
progress, in a fixed number of queries; the "Courses" menu entry."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

from courses import selectors, services
from courses.models import CourseIndexPage
from tests.courses.factories import (
    CourseIndexPageFactory,
    LessonPageFactory,
    make_course,
    site_root,
)

pytestmark = pytest.mark.django_db


def test_lessons_and_courses_with_their_done_state(lecturer: Any) -> None:
    course, lessons = make_course(3)
    other, other_lessons = make_course(2)
    services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    services.mark_lesson_done(user=lecturer, lesson=lessons[2])
    draft = LessonPageFactory(parent=course, live=False)
    hidden_course, hidden_lessons = make_course(1)
    hidden_course.unpublish()

    found = selectors.linked_content(
        user=lecturer,
        page_ids=[
            lessons[0].pk, lessons[1].pk, other.pk, course.pk, draft.pk,
            hidden_lessons[0].pk, hidden_course.pk, site_root().pk, 10**12,
        ],
    )  # fmt: skip

    assert set(found) == {lessons[0].pk, lessons[1].pk, other.pk, course.pk}
    first = found[lessons[0].pk]
    assert (first.kind, first.title, first.url) == (
        "lesson",
        lessons[0].title,
        lessons[0].url,
    )
    assert first.done and not found[lessons[1].pk].done
    assert (found[course.pk].kind, found[course.pk].lessons_done) == ("course", 2)
    assert found[course.pk].lessons_total == 3  # the draft does not count
    assert not found[course.pk].done
    assert (found[other.pk].lessons_done, found[other.pk].lessons_total) == (0, 2)
    assert other_lessons  # (a course of two)


def test_nothing_is_done_for_anonymous_people() -> None:
    course, lessons = make_course(2)
    found = selectors.linked_content(
        user=AnonymousUser(), page_ids=[course.pk, lessons[0].pk]
    )
    assert found[course.pk].lessons_done == 0 and not found[lessons[0].pk].done
    assert selectors.linked_content(user=AnonymousUser(), page_ids=[]) == {}


def test_four_queries_whatever_the_number_of_pages(
    lecturer: Any, django_assert_num_queries: Any
) -> None:
    course, lessons = make_course(2)
    site_root().get_site()  # the site's root paths are cached for every page
    selectors.linked_content(user=lecturer, page_ids=[course.pk, lessons[0].pk])
    with django_assert_num_queries(4):
        selectors.linked_content(user=lecturer, page_ids=[course.pk, lessons[0].pk])
    pages: list[int] = []
    for _ in range(6):
        more, more_lessons = make_course(4)
        pages += [more.pk, *(lesson.pk for lesson in more_lessons)]
        services.mark_lesson_done(user=lecturer, lesson=more_lessons[1])
    selectors.linked_content(user=lecturer, page_ids=pages)
    with django_assert_num_queries(4):
        found = selectors.linked_content(user=lecturer, page_ids=pages)
    assert len(found) == 30
    assert sum(1 for c in found.values() if c.kind == "lesson" and c.done) == 6


# --- the main menu ---------------------------------------------------------------


def _menu(client: Client) -> str:
    html = client.get("/dashboard/").content.decode()
    return html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]


def test_the_courses_entry_appears_for_signed_in_people_once_a_listing_is_live(
    lecturer: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    assert ">Courses<" not in _menu(client)
    index = CourseIndexPageFactory(parent=site_root(), slug="courses", live=False)
    assert ">Courses<" not in _menu(client)
    index.save_revision().publish()
    assert f'href="{index.url}">Courses<' in _menu(client)
    # Anonymous people: no entry (and no lookup at all).
    home = Client().get("/accounts/login/").content.decode()
    assert ">Courses<" not in home
    CourseIndexPage.objects.get(pk=index.pk).unpublish()
    assert ">Courses<" not in _menu(client)


def test_the_listing_address_is_cached_and_forgotten_when_it_moves(
    lecturer: Any,
    django_assert_num_queries: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    index = CourseIndexPageFactory(parent=site_root(), slug="learn")
    cache.clear()
    site_root().get_site()
    selectors.course_index_url()
    with django_assert_num_queries(0):
        assert selectors.course_index_url() == index.url
    holder = Page.objects.get(pk=site_root().pk).add_child(
        instance=Page(title="Holder", slug="holder")
    )
    with django_capture_on_commit_callbacks(execute=True):
        index.move(holder, pos="last-child")
    assert selectors.course_index_url() == "/holder/learn/"
