"""The programme page: a one-year reflective trajectory as the programme team
designs it, which serves itself with its cohorts (through the selectors)."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import (
    TEXT_FEATURES,
    AssignmentBlock,
    LikertQuestionBlock,
    SessionPlanBlock,
    TextQuestionBlock,
)
from ..data import CompletionRules, EvaluationQuestion


class ReflectionModel(models.TextChoices):
    FREE = "free", _("Free reflection")
    GIBBS = "gibbs", _("Gibbs' reflective cycle")
    WHAT = "what", _("What? So what? Now what?")


class ProgrammePage(Page):
    """A one-year reflective trajectory as the programme team designs it."""

    themes = ParentalManyToManyField(
        "engage_practices.Term",
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "dimension"},
        verbose_name=_("themes"),
    )
    summary = models.TextField(_("summary"), max_length=600)
    goals = RichTextField(_("goals"), features=TEXT_FEATURES)
    learning_outcomes = RichTextField(_("learning outcomes"), features=TEXT_FEATURES)
    audience = models.CharField(_("audience"), max_length=300)
    session_plan = StreamField(
        [("session", SessionPlanBlock())], verbose_name=_("session plan")
    )
    assignments = StreamField(
        [("assignment", AssignmentBlock())],
        blank=True,
        verbose_name=_("between-session assignments"),
    )
    reflection_model = models.CharField(
        _("reflection model"),
        max_length=8,
        choices=ReflectionModel.choices,
        default=ReflectionModel.WHAT,
    )
    completion_min_attendance = models.PositiveSmallIntegerField(
        _("minimum share of sessions attended (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("Sessions marked present, as a percentage of all sessions."),
    )
    completion_mandatory_sessions = models.BooleanField(
        _("all mandatory sessions attended"),
        default=True,
        help_text=_("Sessions marked mandatory in the session plan."),
    )
    completion_all_assignments = models.BooleanField(
        _("all assignments submitted"), default=True
    )
    completion_reflection_per_session = models.BooleanField(
        _("a shared reflection on every session"),
        default=True,
        help_text=_(
            "At least one journal entry about each session, shared with the coach "
            "or the peer group."
        ),
    )
    evaluation_questions = StreamField(
        [("likert", LikertQuestionBlock()), ("text", TextQuestionBlock())],
        blank=True,
        verbose_name=_("evaluation questions"),
        help_text=_(
            "Asked after every session. A session's evaluation keeps the questions "
            "it opened with: rewording or removing one here changes only sessions "
            "that end later."
        ),
    )
    evaluation_anonymous = models.BooleanField(
        _("anonymous evaluations"),
        default=True,
        help_text=_(
            "Answers are stored without who gave them. Applies to sessions whose "
            "evaluation has not opened yet."
        ),
    )
    evaluation_min_group = models.PositiveSmallIntegerField(
        _("minimum group size for results"),
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(100)],
        help_text=_(
            "A session's or cohort's results appear only when at least this many "
            "participants answered."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("audience"),
                FieldPanel("goals"),
                FieldPanel("learning_outcomes"),
            ],
            heading=_("About the programme"),
        ),
        FieldPanel("session_plan"),
        FieldPanel("assignments"),
        FieldPanel("reflection_model"),
        MultiFieldPanel(
            [
                FieldPanel("completion_min_attendance"),
                FieldPanel("completion_mandatory_sessions"),
                FieldPanel("completion_all_assignments"),
                FieldPanel("completion_reflection_per_session"),
            ],
            heading=_("Completion"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("evaluation_questions"),
                FieldPanel("evaluation_anonymous"),
                FieldPanel("evaluation_min_group"),
            ],
            heading=_("Session evaluation"),
        ),
    ]
    subpage_types: list[str] = []
    template = "engage_trajectories/programme_page.html"

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def completion_rules(self) -> CompletionRules:
        return CompletionRules(
            min_attendance_percent=self.completion_min_attendance,
            mandatory_sessions=self.completion_mandatory_sessions,
            all_assignments=self.completion_all_assignments,
            reflection_per_session=self.completion_reflection_per_session,
        )

    def _plan(self) -> list[dict[str, Any]]:
        # The stored values, not the blocks: turning them into blocks would look
        # up every linked course page, once per programme object.
        return [
            dict(item.get("value") or {})
            for item in self.session_plan.raw_data
            if item.get("type") == "session"
        ]

    def mandatory_session_numbers(self) -> frozenset[int]:
        """Numbers of the sessions the plan marks mandatory (plan order = number)."""
        return frozenset(
            number
            for number, value in enumerate(self._plan(), start=1)
            if value.get("mandatory")
        )

    def linked_page_ids(self) -> dict[int, tuple[int, ...]]:
        """The course and lesson pages the plan links, by session number (no query)."""
        linked = {}
        for number, value in enumerate(self._plan(), start=1):
            ids = []
            for item in value.get("content") or ():
                # A list block stores {"type": "item", "value": id, "id": …}.
                page_id = item.get("value") if isinstance(item, dict) else item
                if isinstance(page_id, int) and not isinstance(page_id, bool):
                    ids.append(page_id)
            if ids:
                linked[number] = tuple(ids)
        return linked

    def evaluation_question_list(self) -> tuple[EvaluationQuestion, ...]:
        """The evaluation questions as they stand now (no query)."""
        questions = []
        for item in self.evaluation_questions.raw_data:
            value = dict(item.get("value") or {})
            kind = item.get("type")
            text = value.get("statement" if kind == "likert" else "question")
            if kind in ("likert", "text") and item.get("id") and text:
                questions.append(
                    EvaluationQuestion(
                        key=str(item["id"])[:64],
                        kind=str(kind),
                        text=str(text),
                        # The blocks' defaults: a statement is required, an
                        # open question is not.
                        required=bool(value.get("required", kind == "likert")),
                    )
                )
        return tuple(questions)

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        """The page, and its cohorts each with the visitor's enrolment (or None)."""
        from ..selectors.programmes import cohorts_of_programme, enrolments_of

        context = super().get_context(request, *args, **kwargs)
        mine = enrolments_of(request.user)
        context["cohorts"] = [
            (cohort, mine.get(cohort.pk)) for cohort in cohorts_of_programme(self)
        ]
        return context
