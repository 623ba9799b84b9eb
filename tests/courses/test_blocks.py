"""Lesson blocks refuse media without an alternative, in code and in the admin."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.blocks import FigureBlock, SessionMaterialBlock, VideoBlock
from courses.models import LessonPage
from tests.courses.factories import (
    DocumentFactory,
    ImageFactory,
    LessonPageFactory,
    make_course,
)

pytestmark = pytest.mark.django_db


def video(**values: Any) -> Any:
    block = VideoBlock()
    data = {"title": "Interview", "url": "", "file": None, "captions": None}
    data.update(values)
    data.setdefault("transcript", "")
    return block, block.to_python(
        {
            **data,
            "file": data["file"].pk if data["file"] else None,
            "captions": data["captions"].pk if data["captions"] else None,
        }
    )


def errors_of(block: Any, value: Any) -> set[str]:
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    return set(caught.value.block_errors)


def test_a_video_without_transcript_or_captions_is_rejected() -> None:
    block, value = video(url="https://video.example.edu/1", transcript="<p></p>")
    assert errors_of(block, value) == {"transcript"}


def test_a_video_with_a_transcript_or_a_captions_file_is_accepted() -> None:
    block, value = video(
        url="https://video.example.edu/1", transcript="<p>Everything said.</p>"
    )
    assert block.clean(value)["transcript"].source == "<p>Everything said.</p>"
    captions = DocumentFactory(file__filename="interview.vtt")
    block, value = video(url="https://video.example.edu/1", captions=captions)
    assert block.clean(value)["captions"] == captions


def test_a_video_needs_exactly_one_source_and_real_captions() -> None:
    block, value = video(transcript="<p>Said.</p>")
    assert errors_of(block, value) == {"url"}
    mp4 = DocumentFactory(file__filename="talk.mp4")
    block, value = video(url="https://v.example.edu/1", file=mp4, transcript="<p>x</p>")
    assert errors_of(block, value) == {"file"}
    pdf = DocumentFactory(file__filename="slides.pdf")
    block, value = video(file=pdf, captions=pdf, transcript="<p>x</p>")
    assert errors_of(block, value) == {"file", "captions"}


def test_an_image_needs_alt_text_unless_it_is_decorative() -> None:
    image = ImageFactory()
    block = FigureBlock()

    def figure(**values: Any) -> Any:
        return block.to_python({"image": {"image": image.pk, **values}, "caption": ""})

    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(figure(alt_text="", decorative=False))
    inner = caught.value.block_errors["image"]
    assert set(inner.block_errors) == {"alt_text"}

    assert block.clean(figure(alt_text="", decorative=True))["image"].decorative
    cleaned = block.clean(figure(alt_text="Students in a seminar", decorative=False))
    assert cleaned["image"].contextual_alt_text == "Students in a seminar"


def test_session_material_needs_a_document_or_a_link() -> None:
    block = SessionMaterialBlock()
    value = block.to_python({"title": "Slides", "document": None, "url": ""})
    assert errors_of(block, value) == {"document"}
    value = block.to_python(
        {"title": "Slides", "document": None, "url": "https://x.org/"}
    )
    assert block.clean(value)["url"] == "https://x.org/"


def _lesson_form(body: Any, action: str = "action-publish") -> dict[str, Any]:
    return nested_form_data(
        {"title": "Assessment", "slug": "assessment", "summary": "", "body": body}
    ) | {action: action.removeprefix("action-")}


def test_publishing_a_video_without_transcript_fails_in_the_admin(
    programme_admin: Any, client_for: Any
) -> None:
    course, _lessons = make_course(0)
    programme_admin.is_superuser = True  # page permissions are not this app's
    programme_admin.save()
    url = reverse(
        "wagtailadmin_pages:add",
        args=("engage_courses", "lessonpage", course.pk),
    )
    body = streamfield(
        [
            (
                "video",
                {
                    "title": "Interview",
                    "url": "https://video.example.edu/1",
                    "file": "",
                    "captions": "",
                    "transcript": rich_text(""),
                },
            )
        ]
    )
    response = client_for(programme_admin).post(url, _lesson_form(body))

    assert response.status_code == 200
    assert "Add a transcript or a captions file" in response.content.decode()
    assert not LessonPage.objects.filter(slug="assessment").exists()

    body = streamfield(
        [
            (
                "video",
                {
                    "title": "Interview",
                    "url": "https://video.example.edu/1",
                    "file": "",
                    "captions": "",
                    "transcript": rich_text("<p>Everything that is said.</p>"),
                },
            )
        ]
    )
    response = client_for(programme_admin).post(url, _lesson_form(body))
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="assessment")
    assert lesson.live
    assert "Everything that is said." in lesson.body[0].value["transcript"].source


def test_the_lesson_editor_opens(programme_admin: Any, client_for: Any) -> None:
    _course, lessons = make_course(1)
    programme_admin.is_superuser = True
    programme_admin.save()
    response = client_for(programme_admin).get(
        reverse("wagtailadmin_pages:edit", args=[lessons[0].pk])
    )
    assert response.status_code == 200


def test_every_block_renders_with_its_alternative(client: Any) -> None:
    course, _ = make_course(0)
    photo = ImageFactory(title="Seminar photo")
    ornament = ImageFactory(title="Ornament")
    handout = DocumentFactory(title="Rubric", file__filename="rubric.pdf")
    talk = DocumentFactory(title="Talk", file__filename="talk.mp4")
    captions = DocumentFactory(title="Talk captions", file__filename="talk.vtt")
    lesson = LessonPageFactory(
        parent=course,
        body=[
            (
                "image",
                {
                    "image": {"image": photo, "alt_text": "Students in a circle"},
                    "caption": "A seminar in week 3",
                },
            ),
            ("image", {"image": {"image": ornament, "decorative": True}}),
            ("resource", {"document": handout, "description": "Use it twice."}),
            ("reflection_prompt", {"question": "Who spoke least?", "guidance": ""}),
            (
                "video",
                {"title": "Talk", "file": talk, "captions": captions, "transcript": ""},
            ),
            (
                "session_material",
                {"title": "Slides", "document": handout, "url": "https://x.org/"},
            ),
        ],
    )
    html = client.get(lesson.url).content.decode()
    assert 'alt="Students in a circle"' in html
    assert "<figcaption>A seminar in week 3</figcaption>" in html
    assert html.count('alt=""') >= 2  # the ornament (and the site logo)
    assert "Ornament" not in html
    assert f'href="{handout.url}" download' in html and "(PDF" in html
    assert "Use it twice." in html and "Who spoke least?" in html
    assert f'<video controls preload="metadata" src="{talk.url}">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="en"' in html
    assert 'href="https://x.org/"' in html
