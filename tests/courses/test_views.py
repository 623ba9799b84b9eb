"""Course and lesson pages and the mark-done action, through the Django client."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import CoursePage, LessonCompletion, LessonPage
from tests.courses.factories import (
    CourseIndexPageFactory,
    LessonPageFactory,
    make_course,
    site_root,
)

pytestmark = pytest.mark.django_db


def progress_url(lesson: Any) -> str:
    return reverse("courses:lesson_progress", args=[lesson.pk])


def test_anonymous_people_are_sent_to_sign_in(client: Client) -> None:
    _course, lessons = make_course(1)
    response = client.post(progress_url(lessons[0]), {"done": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("engage_accounts:login"))
    assert not LessonCompletion.objects.exists()


def test_marking_is_post_only(lecturer: Any, client_for: Any) -> None:
    _course, lessons = make_course(1)
    response = client_for(lecturer).get(progress_url(lessons[0]))
    assert response.status_code == 405
    assert not LessonCompletion.objects.exists()


def test_marking_needs_the_csrf_token(lecturer: Any) -> None:
    _course, lessons = make_course(1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(lecturer)
    response = client.post(progress_url(lessons[0]), {"done": "1"})
    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()


def test_the_lesson_form_marks_done_and_not_done_without_javascript(
    lecturer: Any, client_for: Any
) -> None:
    course, lessons = make_course(3)
    client = client_for(lecturer)
    page = client.get(lessons[1].url)
    html = page.content.decode()
    assert f'action="{progress_url(lessons[1])}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Mark as done" in html
    assert "Lesson 2 of 3" in html

    response = client.post(progress_url(lessons[1]), {"done": "1"}, follow=True)

    assert response.redirect_chain[-1][0] == lessons[1].url
    html = response.content.decode()
    assert "1 of 3 lessons done" in html
    assert "Mark as not done" in html
    assert LessonCompletion.objects.filter(user=lecturer, lesson=lessons[1]).exists()

    response = client.post(progress_url(lessons[1]), {"done": "0"}, follow=True)
    assert "marked as not done" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_the_last_lesson_says_the_course_is_complete(
    lecturer: Any, client_for: Any
) -> None:
    course, lessons = make_course(2)
    services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    response = client_for(lecturer).post(
        progress_url(lessons[1]), {"done": "1"}, follow=True
    )
    assert "completed every lesson" in response.content.decode()
    course_page = client_for(lecturer).get(course.url).content.decode()
    assert "You completed this course on" in course_page


def test_lessons_link_to_their_neighbours(client: Client) -> None:
    course, lessons = make_course(3)
    html = client.get(lessons[1].url).content.decode()
    assert f'href="{lessons[0].url}" rel="prev"' in html
    assert f'href="{lessons[2].url}" rel="next"' in html
    first = client.get(lessons[0].url).content.decode()
    assert 'rel="prev"' not in first
    last = client.get(lessons[2].url).content.decode()
    assert 'rel="next"' not in last
    assert f'href="{course.url}"' in last


def test_draft_lessons_are_hidden_and_skipped(lecturer: Any, client_for: Any) -> None:
    course, lessons = make_course(2)
    draft = LessonPageFactory(parent=course, title="Secret draft", live=False)
    client = client_for(lecturer)

    assert client.get(draft.url or f"{course.url}{draft.slug}/").status_code == 404
    response = client.post(progress_url(draft), {"done": "1"})
    assert response.status_code == 404
    assert not LessonCompletion.objects.exists()
    course_html = client.get(course.url).content.decode()
    assert "Secret draft" not in course_html
    assert "0 of 2 lessons done" in course_html
    last = client.get(lessons[1].url).content.decode()
    assert "Secret draft" not in last


def test_lessons_of_an_unpublished_course_are_not_found(
    lecturer: Any, client_for: Any
) -> None:
    course, lessons = make_course(1)
    url = lessons[0].url
    course.unpublish(set_expired=False, commit=True, log_action=None)
    client = client_for(lecturer)
    assert client.get(url).status_code == 404
    assert client.post(progress_url(lessons[0]), {"done": "1"}).status_code == 404
    assert not LessonCompletion.objects.exists()


def test_the_course_page_shows_the_persons_progress(
    lecturer: Any, client_for: Any
) -> None:
    course, lessons = make_course(7)
    for lesson in lessons[:3]:
        services.mark_lesson_done(user=lecturer, lesson=lesson)
    html = client_for(lecturer).get(course.url).content.decode()
    assert "3 of 7 lessons done" in html
    assert '<progress value="3" max="7"' in html
    assert html.count(">Done</span>") == 3
    assert f'href="{lessons[3].url}"' in html  # continue where you left off


def test_the_course_page_with_many_lessons_has_a_fixed_number_of_queries(
    lecturer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    course, lessons = make_course(12)
    for lesson in lessons[::2]:
        services.mark_lesson_done(user=lecturer, lesson=lesson)
    client = client_for(lecturer)
    client.get(course.url)  # warm Wagtail's site root paths cache
    with django_assert_max_num_queries(13):
        response = client.get(course.url)
    assert "6 of 12 lessons done" in response.content.decode()


def test_a_lesson_page_has_a_fixed_number_of_queries(
    lecturer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    _course, lessons = make_course(12)
    client = client_for(lecturer)
    client.get(lessons[5].url)
    with django_assert_max_num_queries(16):
        assert client.get(lessons[5].url).status_code == 200


def test_the_course_listing_counts_lessons_per_course(
    lecturer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    index = CourseIndexPageFactory(parent=site_root())
    first, lessons = make_course(3, parent=index, title="First course")
    make_course(2, parent=index, title="Second course")
    services.mark_lesson_done(user=lecturer, lesson=lessons[0])
    client = client_for(lecturer)
    client.get(index.url)
    with django_assert_max_num_queries(13):
        html = client.get(index.url).content.decode()
    assert "First course" in html and "Second course" in html
    assert "3 lessons" in html and "1 of 3 done" in html
    assert "2 lessons" in html and "0 of 2 done" in html


def test_editors_preview_draft_and_new_lessons(lecturer: Any) -> None:
    course, _lessons = make_course(1)
    draft = LessonPageFactory(parent=course, title="Draft lesson", live=False)
    response = draft.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft lesson" in html and "Preview: this version is not published." in html
    assert "Mark as done" not in html

    new = LessonPage(title="Unsaved lesson", body=[("text", "<p>Soon.</p>")])
    html = new.make_preview_request().content.decode()
    assert "Unsaved lesson" in html and "Soon." in html

    new_course = CoursePage(title="Unsaved course", intro="<p>About.</p>")
    assert "Unsaved course" in new_course.make_preview_request().content.decode()
