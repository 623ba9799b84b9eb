"""Writes of session evaluations: opening them, inviting participants, answering."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.selectors import profile_of
from lms.notifications.services import notify
from lms.xapi.services import record

from .. import xapi as events
from ..conf import trajectory_settings
from ..exceptions import (
    AlreadyAnswered,
    AnonymityChanged,
    EvaluationUnavailable,
    NotParticipant,
)
from ..models import (
    Attendance,
    AttendanceStatus,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationResponse,
    EvaluationSubmission,
    SessionEvaluation,
)
from ..rules.evaluations import (
    CLOSED,
    NOT_YET,
    clean_answers,
    evaluation_state,
    evaluation_window,
)

ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


def _when(moment: datetime) -> str:
    # Rendered when the text is: in the language active then (the recipient's,
    # for a notification).
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


_lazy_when = lazy(_when, str)


def open_evaluation(
    *, session: CohortSession, now: datetime | None = None
) -> SessionEvaluation | None:
    """The session's evaluation; the first call copies the programme's questions
    and anonymity into it, and from then on they never change. None when it never
    opened and the programme asks no questions."""
    existing = SessionEvaluation.objects.filter(session=session).first()
    if existing is not None:
        return existing
    programme = session.cohort.programme
    questions = programme.evaluation_question_list()
    if not questions:
        return None
    evaluation, _created = SessionEvaluation.objects.get_or_create(
        session=session,
        defaults={
            "questions": [question.as_json() for question in questions],
            "anonymous": programme.evaluation_anonymous,
            "opened_at": now or timezone.now(),
        },
    )
    return evaluation


def send_evaluation_invitations(*, now: datetime | None = None) -> int:
    """Tell every participant who attended a session that ended in the last days
    (and has questions) that they can evaluate it: once per person and session,
    not when they already answered. Returns how many were told; safe to repeat."""
    now = now or timezone.now()
    since = now - timedelta(days=trajectory_settings.evaluation_days)
    sessions = (
        CohortSession.objects.filter(ends_at__lte=now, ends_at__gt=since)
        .select_related("cohort__programme", "evaluation")
        .order_by("ends_at", "pk")
    )
    told = 0
    for session in sessions:
        opened = getattr(session, "evaluation", None)
        if opened is None and not session.cohort.programme.evaluation_question_list():
            continue
        with transaction.atomic():
            told += _invite(session, now)
    return told


def _invite(session: CohortSession, now: datetime) -> int:
    evaluation = open_evaluation(session=session, now=now)
    if evaluation is None:
        return 0
    # One run at a time per session, so nobody is told twice.
    evaluation = SessionEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    participants = list(
        Enrolment.objects.filter(
            cohort_id=session.cohort_id,
            status__in=ACTIVE,
            attendances__session=session,
            attendances__status=AttendanceStatus.PRESENT,
        )
        .exclude(
            pk__in=EvaluationInvitation.objects.filter(evaluation=evaluation).values(
                "enrolment_id"
            )
        )
        .exclude(
            pk__in=EvaluationSubmission.objects.filter(evaluation=evaluation).values(
                "enrolment_id"
            )
        )
        .select_related("user__engage_profile")
    )
    _opens, closes = evaluation_window(session)
    body = (
        gettext_lazy("Your answers are anonymous: nobody can see who gave them.")
        if evaluation.anonymous
        else gettext_lazy(
            "This evaluation is not anonymous: your answers are stored with your name."
        )
    )
    for enrolment in participants:
        notify(
            recipient=enrolment.user,
            kind="session-evaluation",
            title=format_lazy(
                gettext_lazy("How was session {n}, {title}? Tell us in two minutes"),
                n=session.number,
                title=session.title,
            ),
            body=format_lazy(
                gettext_lazy("{privacy} You can answer until {date}."),
                privacy=body,
                date=_lazy_when(closes),
            ),
            url=reverse("engage_trajectories:evaluation", args=[session.pk]),
        )
    EvaluationInvitation.objects.bulk_create(
        [
            EvaluationInvitation(evaluation=evaluation, enrolment=e)
            for e in participants
        ],
        ignore_conflicts=True,
    )
    return len(participants)


def submit_evaluation(
    *,
    user: Any,
    session: CohortSession,
    answers: Mapping[str, object],
    anonymous_promised: bool | None = None,
    now: datetime | None = None,
) -> EvaluationSubmission:
    """Store a participant's answers to a session's evaluation, once.

    Only for a participant (enrolled or completed) of the cohort who attended the
    session, while its evaluation is open. Refuses with NotAllowed (not theirs),
    EvaluationUnavailable (not open, closed, not attended, no questions, or
    `anonymous_promised` — what the form said — no longer holds), AlreadyAnswered
    or InvalidAnswers; then nothing is stored. In an anonymous evaluation the
    answers are stored without anything that leads to the person; who answered
    is kept apart (`EvaluationSubmission`, the day only).
    """
    now = now or timezone.now()
    enrolment = Enrolment.objects.filter(
        cohort_id=session.cohort_id, user=user, status__in=ACTIVE
    ).first()
    if enrolment is None:
        raise NotParticipant(_("You do not take part in the cohort of this session."))
    state = evaluation_state(session, now)
    opens, closes = evaluation_window(session)
    if state == NOT_YET:
        raise EvaluationUnavailable(
            _("You can evaluate this session once it has ended (%(when)s).")
            % {"when": _when(opens)}
        )
    if state == CLOSED:
        raise EvaluationUnavailable(
            _("The evaluation of this session closed on %(when)s.")
            % {"when": _when(closes)}
        )
    if not Attendance.objects.filter(
        session=session, enrolment=enrolment, status=AttendanceStatus.PRESENT
    ).exists():
        raise EvaluationUnavailable(
            _("Only participants who attended the session can evaluate it.")
        )
    with transaction.atomic():
        # The participant's enrolment row is the lock: one answer per person.
        Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
        evaluation = open_evaluation(session=session, now=now)
        if evaluation is None:
            raise EvaluationUnavailable(_("This session has no evaluation."))
        if EvaluationSubmission.objects.filter(
            evaluation=evaluation, enrolment=enrolment
        ).exists():
            raise AlreadyAnswered(
                _("You already evaluated this session. Your answer was received.")
            )
        if anonymous_promised and not evaluation.anonymous:
            raise AnonymityChanged(
                _(
                    "This evaluation is not anonymous after all: read the form "
                    "again before you answer."
                )
            )
        cleaned = clean_answers(evaluation.question_list(), answers)
        _store(evaluation, enrolment, cleaned)
        submission = EvaluationSubmission.objects.create(
            evaluation=evaluation,
            enrolment=enrolment,
            submitted_on=timezone.localdate(now),
        )
        record(
            events.evaluation_responded(
                actor=profile_of(user).xapi_id,
                enrolment=enrolment,
                session=session,
                at=now,
            )
        )
    return submission


def _store(
    evaluation: SessionEvaluation, enrolment: Enrolment, cleaned: dict[str, int | str]
) -> None:
    # IRREVERSIBLE privacy: an anonymous response has no enrolment, no time and a
    # random key; nothing may be added here that ties it to the submission.
    response = EvaluationResponse.objects.create(
        evaluation=evaluation,
        enrolment=None if evaluation.anonymous else enrolment,
    )
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            response=response,
            question_key=key,
            likert=value if isinstance(value, int) else None,
            text=value if isinstance(value, str) else "",
        )
        for key, value in cleaned.items()
    )
