"""StreamField blocks of a programme page: the session plan and the assignments."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .rules.assignments import FOCUS_AREAS

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class NamedCharBlock(blocks.CharBlock):
    """A CharBlock whose input carries its label as `aria-label`: as a ListBlock
    item Wagtail renders it with no <label> of its own (axe: label)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["aria-label"] = self.label


class SessionPlanBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    goals = blocks.RichTextBlock(label=_("goals"), features=TEXT_FEATURES)
    preparation = blocks.RichTextBlock(
        label=_("preparation"), features=TEXT_FEATURES, required=False
    )
    materials = blocks.RichTextBlock(
        label=_("materials"), features=TEXT_FEATURES, required=False
    )
    mandatory = blocks.BooleanBlock(
        label=_("mandatory for certification"), required=False
    )
    content = blocks.ListBlock(
        blocks.PageChooserBlock(
            page_type=["engage_courses.CoursePage", "engage_courses.LessonPage"]
        ),
        label=_("courses and lessons"),
        help_text=_(
            "Learning content for this session; participants see it with what "
            "they have done."
        ),
        default=[],
    )

    class Meta:
        icon = "date"
        label = _("Session")


class AssignmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    focus_area = blocks.ChoiceBlock(label=_("focus area"), choices=FOCUS_AREAS)
    instructions = blocks.RichTextBlock(label=_("instructions"), features=TEXT_FEATURES)
    reflection_prompts = blocks.ListBlock(
        NamedCharBlock(label=_("reflection prompt"), max_length=300),
        label=_("reflection prompts"),
    )
    after_session = blocks.IntegerBlock(
        label=_("opens after session"), min_value=1, max_value=50
    )
    due_days = blocks.IntegerBlock(
        label=_("due (days after that session)"), min_value=1, max_value=365, default=21
    )

    class Meta:
        icon = "doc-full"
        label = _("Between-session assignment")


class LikertQuestionBlock(blocks.StructBlock):
    """A statement participants rate from 1 (strongly disagree) to 5 (strongly
    agree)."""

    statement = blocks.CharBlock(label=_("statement"), max_length=300)
    required = blocks.BooleanBlock(
        label=_("an answer is required"), required=False, default=True
    )

    class Meta:
        icon = "list-ol"
        label = _("Statement (1–5)")


class TextQuestionBlock(blocks.StructBlock):
    """An open question answered in plain text."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    required = blocks.BooleanBlock(
        label=_("an answer is required"), required=False, default=False
    )

    class Meta:
        icon = "edit"
        label = _("Open question")
