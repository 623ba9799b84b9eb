"""Results of session evaluations for the cohort's coaches and the programme team:
per session, per cohort, per programme and year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from ..data import EvaluationResults
from ..models import (
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortSession,
    EvaluationAnswer,
    EvaluationResponse,
    ProgrammePage,
    SessionEvaluation,
)
from ..rules.evaluations import (
    add_up,
    evaluation_state,
    evaluation_window,
    question_result,
    results,
)
from .programmes import ACTIVE


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
