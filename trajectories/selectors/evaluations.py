"""Reads of session evaluations: what a participant can answer, and results with
small groups suppressed, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..conf import trajectory_settings
from ..data import EvaluationQuestion
from ..models import (
    Attendance,
    AttendanceStatus,
    CohortSession,
    Enrolment,
    EvaluationAnswer,
    EvaluationSubmission,
    SessionEvaluation,
)
from ..rules.evaluations import (
    CLOSED,
    LIKERT_LABELS,
    NOT_YET,
    OPEN,
    evaluation_state,
    evaluation_window,
)
from .programmes import ACTIVE

# --- what a participant answers ------------------------------------------------------


@dataclass(frozen=True)
class OpenEvaluation:
    """A session the person attended whose evaluation is open now."""

    session: CohortSession
    enrolment_id: int
    closes_at: datetime
    answered: bool
    anonymous: bool
    # The evaluation's questions (the programme's, until it opens).
    questions: tuple[EvaluationQuestion, ...]


def open_evaluations(
    user: Any, *, overviews: Sequence[Any] | None = None
) -> list[OpenEvaluation]:
    """The open evaluations of sessions `user` attended (present) in cohorts they
    take part in, answered or not, the one closing first first.

    Two queries; with `overviews` (from `my_trajectories`, which has the sessions
    and attendance already) none, or one when something is open.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    now = timezone.now()
    if overviews is None:
        candidates = _attended_recently(user, now)
    else:
        candidates = [
            (line.session, overview.enrolment)
            for overview in overviews
            if overview.enrolment.status in ACTIVE
            for line in overview.sessions
            if line.attendance is not None
            and line.attendance.status == AttendanceStatus.PRESENT
            and evaluation_state(line.session, now) == OPEN
        ]
    candidates = [
        (session, enrolment)
        for session, enrolment in candidates
        if enrolment.cohort.programme.evaluation_question_list()
    ]
    if not candidates:
        return []
    opened = {
        evaluation.session_id: evaluation
        for evaluation in SessionEvaluation.objects.filter(
            session_id__in=[session.pk for session, _e in candidates]
        ).annotate(
            answered=Exists(
                EvaluationSubmission.objects.filter(
                    evaluation=OuterRef("pk"), enrolment__user=user
                )
            )
        )
    }
    found = []
    for session, enrolment in candidates:
        evaluation = opened.get(session.pk)
        programme = enrolment.cohort.programme
        found.append(
            OpenEvaluation(
                session=session,
                enrolment_id=enrolment.pk,
                closes_at=evaluation_window(session)[1],
                answered=bool(evaluation and evaluation.answered),
                anonymous=(
                    evaluation.anonymous
                    if evaluation
                    else programme.evaluation_anonymous
                ),
                questions=(
                    evaluation.question_list()
                    if evaluation
                    else programme.evaluation_question_list()
                ),
            )
        )
    return sorted(found, key=lambda item: (item.closes_at, item.session.pk))


def _attended_recently(user: Any, now: datetime) -> list[tuple[CohortSession, Any]]:
    since = now - timedelta(days=trajectory_settings.evaluation_days)
    attendances = (
        Attendance.objects.filter(
            enrolment__user=user,
            enrolment__status__in=ACTIVE,
            status=AttendanceStatus.PRESENT,
            session__ends_at__lte=now,
            session__ends_at__gt=since,
        )
        .select_related("session", "enrolment__cohort__programme")
        .order_by("session__ends_at", "session_id")
    )
    found = []
    for attendance in attendances:
        session = attendance.session
        session.cohort = attendance.enrolment.cohort  # the same cohort, loaded
        found.append((session, attendance.enrolment))
    return found


@dataclass(frozen=True)
class EvaluationForm:
    """A session's evaluation as its participant sees it.

    `state`: "open"; "answered"; "not_yet" (the session has not ended);
    "closed"; "not_attended" (not marked present); "none" (no questions).
    """

    session: CohortSession
    enrolment: Enrolment
    state: str
    opens_at: datetime
    closes_at: datetime
    anonymous: bool
    questions: tuple[EvaluationQuestion, ...]
    answered_on: date | None = None
    # The person's own answers: only in an evaluation that is not anonymous.
    own_answers: dict[str, int | str] = field(default_factory=dict)

    def own_answer_lines(self) -> list[tuple[EvaluationQuestion, str]]:
        """(question, the answer as it reads) for the questions answered."""
        return [
            (
                question,
                f"{value} — {LIKERT_LABELS[value]}"
                if isinstance(value, int) and value in LIKERT_LABELS
                else str(value),
            )
            for question in self.questions
            if (value := self.own_answers.get(question.key)) not in (None, "")
        ]


def evaluation_form(user: Any, session_id: int) -> EvaluationForm | None:
    """The evaluation of a session of a cohort `user` takes part in (enrolled or
    completed), None for anyone else. At most five queries."""
    if not getattr(user, "is_authenticated", False):
        return None
    session = (
        CohortSession.objects.select_related("cohort__programme", "evaluation")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        return None
    enrolment = Enrolment.objects.filter(
        cohort_id=session.cohort_id, user=user, status__in=ACTIVE
    ).first()
    if enrolment is None:
        return None
    programme = session.cohort.programme
    evaluation: SessionEvaluation | None = getattr(session, "evaluation", None)
    questions = (
        evaluation.question_list()
        if evaluation
        else programme.evaluation_question_list()
    )
    anonymous = evaluation.anonymous if evaluation else programme.evaluation_anonymous
    opens, closes = evaluation_window(session)
    submission = (
        EvaluationSubmission.objects.filter(evaluation=evaluation, enrolment=enrolment)
        .only("submitted_on")
        .first()
        if evaluation
        else None
    )
    form = EvaluationForm(
        session=session,
        enrolment=enrolment,
        state=_state(session, enrolment, questions, submission is not None),
        opens_at=opens,
        closes_at=closes,
        anonymous=anonymous,
        questions=questions,
    )
    if submission is None:
        return form
    own: dict[str, int | str] = {}
    if evaluation is not None and not evaluation.anonymous:
        own = {
            answer.question_key: answer.likert if answer.likert else answer.text
            for answer in EvaluationAnswer.objects.filter(
                response__evaluation=evaluation, response__enrolment=enrolment
            )
        }
    return replace(form, answered_on=submission.submitted_on, own_answers=own)


def _state(
    session: CohortSession,
    enrolment: Enrolment,
    questions: tuple[EvaluationQuestion, ...],
    answered: bool,
) -> str:
    if answered:
        return "answered"
    window = evaluation_state(session, timezone.now())
    if window in (NOT_YET, CLOSED):
        return window
    if not Attendance.objects.filter(
        session=session, enrolment=enrolment, status=AttendanceStatus.PRESENT
    ).exists():
        return "not_attended"
    return "open" if questions else "none"
