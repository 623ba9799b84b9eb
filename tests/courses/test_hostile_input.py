"""Lesson content that did not come through Wagtail's editor is cleaned when shown."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.courses.factories import (
    CoursePageFactory,
    LessonPageFactory,
    make_course,
    site_root,
)
from tests.practices_db.factories import make_practice

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">link</a>',
    "<svg onload=alert(1)>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '"><script>alert(1)</script>',
    "<p>unclosed <b>tags <i>everywhere",
]
RENDERED_TRACES = ("alert(", "onerror", "onload", "javascript:")


def assert_renders_clean(html: str) -> None:
    lowered = html.lower()
    for trace in RENDERED_TRACES:
        assert trace not in lowered, trace


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_in_a_lesson_is_cleaned_on_the_page(
    client: Client, payload: str
) -> None:
    course, _ = make_course(0)
    lesson = LessonPageFactory(
        parent=course,
        body=[
            ("text", f"<h2>Safe heading</h2><p>Kept text.</p>{payload}"),
            (
                "video",
                {
                    "title": "Talk",
                    "url": "https://video.example.edu/1",
                    "file": None,
                    "captions": None,
                    "transcript": f"<p>Transcript.</p>{payload}",
                },
            ),
        ],
    )
    response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_renders_clean(html)
    assert "<h2>Safe heading</h2>" in html
    assert "Kept text." in html and "Transcript." in html


def test_raw_stream_data_is_cleaned_too(client: Client) -> None:
    """JSON written straight into the field (an import, the API) skips the blocks'
    Python values; rendering still cleans it."""
    course, _ = make_course(0)
    lesson = LessonPageFactory(parent=course, body=[])
    lesson.body = json.dumps(
        [{"type": "text", "value": PAYLOADS[0] + "<p>Plain.</p>", "id": "a1"}]
    )
    lesson.save()
    html = Client().get(lesson.url).content.decode()
    assert_renders_clean(html)
    assert "Plain." in html


def test_hostile_links_in_blocks_are_not_rendered(client: Client) -> None:
    course, _ = make_course(0)
    lesson = LessonPageFactory(
        parent=course,
        body=[
            (
                "session_material",
                {
                    "title": "Slides",
                    "document": None,
                    "url": "javascript:alert(1)",
                    "description": "<script>alert(1)</script>",
                },
            ),
            (
                "video",
                {
                    "title": "Talk",
                    "url": "JavaScript:alert(1)",
                    "file": None,
                    "captions": None,
                    "transcript": "<p>Said.</p>",
                },
            ),
        ],
    )
    html = client.get(lesson.url).content.decode()
    assert_renders_clean(html.replace("&lt;script&gt;alert(1)&lt;/script&gt;", ""))
    assert "&lt;script&gt;" in html  # plain text is escaped, never markup
    assert "<script>alert" not in html


def test_course_introduction_is_cleaned(client: Client) -> None:
    course = CoursePageFactory(parent=site_root(), intro="<p>Hello</p>" + PAYLOADS[1])
    html = client.get(course.url).content.decode()
    assert_renders_clean(html)
    assert "Hello" in html


def test_a_linked_practice_shows_only_while_it_is_live(
    client: Client, lecturer: Any, faculty: Any
) -> None:
    live = make_practice(lecturer, faculty, title="Live practice")
    draft = make_practice(lecturer, faculty, title="Draft practice", publish=False)
    course, _ = make_course(0)
    lesson = LessonPageFactory(
        parent=course,
        body=[
            ("practice", {"practice": live, "note": "Try this one."}),
            ("practice", {"practice": draft, "note": "Not yet."}),
        ],
    )
    html = client.get(lesson.url).content.decode()
    assert "Live practice" in html and "Try this one." in html
    assert "Draft practice" not in html and "Not yet." not in html

    live.unpublish(set_expired=False, commit=True, log_action=None)
    html = client.get(lesson.url).content.decode()
    assert "Live practice" not in html
