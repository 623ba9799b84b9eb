"""The demo course: seeded with the rest of the demo, idempotently, and readable."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from courses.demo import COURSE_TITLE, seed_courses
from courses.models import CourseIndexPage, CoursePage, LessonCompletion, LessonPage
from courses.selectors import course_progress
from lms.xapi.models import Statement

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        CourseIndexPage.objects.count(),
        CoursePage.objects.count(),
        LessonPage.objects.count(),
        LessonCompletion.objects.count(),
        Statement.objects.count(),
    )


def test_the_demo_course_is_seeded_once_with_real_lessons() -> None:
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    first = counts()
    seed_courses()
    assert counts() == first

    course = CoursePage.objects.get(title=COURSE_TITLE)
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    assert len(lessons) == 5
    block_types = {block.block_type for lesson in lessons for block in lesson.body}
    assert {"text", "video", "resource", "reflection_prompt", "practice"} <= block_types
    assert {"session_material"} <= block_types
    video = next(
        block.value
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "video"
    )
    assert "office hours" in video["transcript"].source

    lecturer = get_user_model().objects.get(username="lecturer")
    assert LessonCompletion.objects.get().user == lecturer
    progress = course_progress(user=lecturer, course=course)
    client = Client()
    client.force_login(lecturer)
    assert (progress.done, progress.total) == (1, 5)
    assert "1 of 5 lessons done" in client.get(course.url).content.decode()
    for lesson in lessons:
        response = client.get(lesson.url)
        assert response.status_code == 200
        assert "Inspiring practice" in response.content.decode()
