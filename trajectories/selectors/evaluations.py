"""Reads of session evaluations: what a participant can answer, and results with
small groups suppressed, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from ..conf import trajectory_settings
from ..data import EvaluationQuestion, EvaluationResults
from ..evaluations import (
    CLOSED,
    LIKERT_LABELS,
    NOT_YET,
    OPEN,
    add_up,
    evaluation_state,
    evaluation_window,
    question_result,
    results,
)
from ..models import (
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortSession,
    Enrolment,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationSubmission,
    ProgrammePage,
    SessionEvaluation,
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


# --- results ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionResults:
    """A session's evaluation results, as coaches and the programme team see them."""

    session: CohortSession
    # The window: "not_yet", "open" or "closed".
    state: str
    closes_at: datetime
    # Whether the evaluation opened (it has its questions); None when not.
    anonymous: bool | None
    # Participants marked present (those who are asked).
    attended: int
    results: EvaluationResults

    @property
    def opened(self) -> bool:
        return self.anonymous is not None


@dataclass(frozen=True)
class CohortResults:
    """Every session of a cohort, and the sum of those whose results are shown."""

    cohort: Cohort
    minimum: int
    sessions: tuple[SessionResults, ...]
    overall: EvaluationResults

    @property
    def hidden_sessions(self) -> int:
        """Sessions with answers below the minimum (left out of `overall`)."""
        return sum(1 for s in self.sessions if s.opened and not s.results.shown)


def evaluation_results(session: CohortSession) -> SessionResults:
    """The results of one session; nothing when fewer participants answered than
    the programme's minimum group size. Five queries."""
    session = CohortSession.objects.select_related(
        "cohort__programme", "evaluation"
    ).get(pk=session.pk)
    minimum = session.cohort.programme.evaluation_min_group
    return _session_results([session], minimum=minimum)[0]


def cohort_evaluation_results(cohort: Cohort) -> CohortResults:
    """The results of every session of `cohort` and their sum (only the sessions
    whose own results are shown count, so nothing hidden can be worked out by
    subtraction). Six queries, however many sessions and answers."""
    cohort = Cohort.objects.select_related("programme").get(pk=cohort.pk)
    minimum = cohort.programme.evaluation_min_group
    sessions = list(
        CohortSession.objects.filter(cohort=cohort)
        .select_related("evaluation")
        .order_by("number")
    )
    for session in sessions:
        session.cohort = cohort
    found = _session_results(sessions, minimum=minimum)
    return CohortResults(
        cohort=cohort,
        minimum=minimum,
        sessions=tuple(found),
        overall=add_up((s.results for s in found), minimum=minimum),
    )


@dataclass(frozen=True)
class CohortSummary:
    cohort: Cohort
    sessions_shown: int
    # Sessions with answers below the minimum: left out of `results`.
    sessions_hidden: int
    # The sum of the shown sessions; free texts are counted, not listed.
    results: EvaluationResults


@dataclass(frozen=True)
class ProgrammeSummary:
    """A programme's evaluations in an academic year, for dashboards and reports."""

    programme: ProgrammePage
    academic_year: str
    minimum: int
    cohorts: tuple[CohortSummary, ...]
    overall: EvaluationResults


def evaluation_years(programme: ProgrammePage) -> list[str]:
    """The academic years in which the programme has cohorts, latest first."""
    return list(
        Cohort.objects.filter(programme=programme)
        .order_by("-academic_year")
        .values_list("academic_year", flat=True)
        .distinct()
    )


def programme_evaluation_summary(
    programme: ProgrammePage, academic_year: str
) -> ProgrammeSummary:
    """Per cohort of `programme` in `academic_year` and for all of them together:
    the sums of the sessions whose results are shown (answers counted, free texts
    not listed). Five queries, however many cohorts."""
    minimum = programme.evaluation_min_group
    cohorts = list(
        Cohort.objects.filter(
            programme=programme, academic_year=academic_year
        ).order_by("title", "pk")
    )
    sessions = list(
        CohortSession.objects.filter(cohort__in=cohorts)
        .select_related("evaluation")
        .order_by("cohort_id", "number")
    )
    by_cohort: dict[int, list[SessionResults]] = defaultdict(list)
    for found in _session_results(sessions, minimum=minimum, texts=False):
        by_cohort[found.session.cohort_id].append(found)
    summaries = []
    for cohort in cohorts:
        cohort.programme = programme
        parts = by_cohort.get(cohort.pk, [])
        summaries.append(
            CohortSummary(
                cohort=cohort,
                sessions_shown=sum(1 for s in parts if s.results.shown),
                sessions_hidden=sum(
                    1 for s in parts if s.opened and not s.results.shown
                ),
                results=add_up((s.results for s in parts), minimum=minimum),
            )
        )
    return ProgrammeSummary(
        programme=programme,
        academic_year=academic_year,
        minimum=minimum,
        cohorts=tuple(summaries),
        overall=add_up((c.results for c in summaries), minimum=minimum),
    )


def _session_results(
    sessions: Iterable[CohortSession], *, minimum: int, texts: bool = True
) -> list[SessionResults]:
    """Results of `sessions` (their `evaluation` selected) in four queries: the
    number of responses, the Likert counts (and text counts), the texts of the
    sessions that are shown, and attendance."""
    sessions = list(sessions)
    ids = [session.pk for session in sessions]
    responses = dict(
        EvaluationResponse.objects.filter(evaluation__session_id__in=ids)
        .values_list("evaluation__session_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    tallies: dict[tuple[int, str], dict[int, int]] = defaultdict(dict)
    text_counts: dict[tuple[int, str], int] = defaultdict(int)
    for session_id, key, likert, n in (
        EvaluationAnswer.objects.filter(response__evaluation__session_id__in=ids)
        .values_list("response__evaluation__session_id", "question_key", "likert")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if likert is None:
            text_counts[(session_id, key)] += n
        else:
            tallies[(session_id, key)][likert] = n
    shown = [pk for pk in ids if responses.get(pk, 0) >= minimum]
    listed: dict[tuple[int, str], list[str]] = defaultdict(list)
    if texts and shown:
        for session_id, key, text in EvaluationAnswer.objects.filter(
            response__evaluation__session_id__in=shown, likert__isnull=True
        ).values_list("response__evaluation__session_id", "question_key", "text"):
            listed[(session_id, key)].append(text)
    attended = dict(
        Attendance.objects.filter(
            session_id__in=ids,
            status=AttendanceStatus.PRESENT,
            enrolment__status__in=ACTIVE,
        )
        .values_list("session_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    now = timezone.now()
    found = []
    for session in sessions:
        evaluation: SessionEvaluation | None = getattr(session, "evaluation", None)
        questions = evaluation.question_list() if evaluation else ()
        found.append(
            SessionResults(
                session=session,
                state=evaluation_state(session, now),
                closes_at=evaluation_window(session)[1],
                anonymous=evaluation.anonymous if evaluation else None,
                attended=attended.get(session.pk, 0),
                results=results(
                    (
                        question_result(
                            question,
                            distribution=tallies.get((session.pk, question.key)),
                            texts=listed.get((session.pk, question.key), ()),
                            count=None
                            if texts
                            else text_counts.get((session.pk, question.key), 0),
                        )
                        for question in questions
                    ),
                    responses=responses.get(session.pk, 0),
                    minimum=minimum,
                ),
            )
        )
    return found
