"""The demo course in a real browser: open a lesson, mark it done, axe-clean."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from courses.demo import COURSE_TITLE
from courses.models import CoursePage, LessonCompletion, LessonPage
from tests.browser.conftest import Visit
from tests.browser.test_roles import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_lecturer_marks_a_lesson_done(visit: Visit, demo_data: Any) -> None:
    course = CoursePage.objects.get(title=COURSE_TITLE)
    lesson = LessonPage.objects.child_of(course).live().order_by("path")[1]
    sign_in(visit, "lecturer")

    visit.goto(course.get_parent().url)
    expect(visit.page.locator("main")).to_contain_text("1 of 5 done")
    visit.check_accessibility()

    visit.page.get_by_role("link", name=COURSE_TITLE).click()
    visit.page.wait_for_url(f"**{course.url}")
    progress = visit.page.locator("#progress-text")
    expect(progress).to_contain_text("1 of 5 lessons done")
    visit.check_accessibility()

    visit.page.get_by_role("link", name=lesson.title, exact=True).click()
    visit.page.wait_for_url(f"**{lesson.url}")
    expect(visit.page.locator("h1")).to_have_text(lesson.title)
    visit.check_accessibility()

    with visit.page.expect_navigation(url=f"**{lesson.url}"):
        visit.page.get_by_role("button", name="Mark as done").click()
    expect(visit.page.locator(".message--success")).to_contain_text(
        "2 of 5 lessons done"
    )
    expect(visit.page.locator("#lesson-progress-text")).to_contain_text(
        "2 of 5 lessons done"
    )
    expect(visit.page.get_by_role("button", name="Mark as not done")).to_be_visible()
    visit.check_accessibility()
    assert LessonCompletion.objects.filter(
        user__username="lecturer", lesson=lesson
    ).exists()

    visit.page.get_by_role("link", name="All lessons").click()
    visit.page.wait_for_url(f"**{course.url}")
    expect(progress).to_contain_text("2 of 5 lessons done")
    visit.check_accessibility()


def test_the_lesson_with_a_video_and_transcript_is_accessible(
    visit: Visit, demo_data: Any
) -> None:
    course = CoursePage.objects.get(title=COURSE_TITLE)
    lesson = LessonPage.objects.child_of(course).get(slug="first-generation-students")
    visit.goto(lesson.url)
    visit.page.locator("details summary").first.click()
    expect(visit.page.locator("details[open]")).to_contain_text("office hours")
    visit.check_accessibility()
