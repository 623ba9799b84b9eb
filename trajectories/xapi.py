"""The learning events of a trajectory (pure: data in, event out).

Statement identities are irreversible: changing one makes recorded events count
twice. Every event carries the enrolment's registration.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from lms.xapi.builder import activity_iri, programme_ref
from lms.xapi.data import ActivityRef, LearningEvent, ResultData
from lms.xapi.vocabulary import ActivityTypes, Verbs


def cohort_ref(cohort: Any) -> ActivityRef:
    return ActivityRef(
        activity_iri("cohort", cohort.pk), ActivityTypes.COHORT, cohort.title[:200]
    )


def _event(
    identity: str,
    *,
    actor: uuid.UUID,
    verb: Any,
    object: ActivityRef,  # noqa: A002 - xAPI's own word
    at: datetime,
    enrolment: Any,
    parents: tuple[ActivityRef, ...] | None = None,
    groupings: tuple[ActivityRef, ...] | None = None,
    result: ResultData | None = None,
) -> LearningEvent:
    """An event in `enrolment`'s trajectory: its registration, and unless told
    otherwise the cohort as parent and the programme as grouping (`()` for none)."""
    if parents is None or groupings is None:
        cohort = enrolment.cohort
        parents = (cohort_ref(cohort),) if parents is None else parents
        groupings = (
            (programme_ref(cohort.programme),) if groupings is None else groupings
        )
    return LearningEvent(
        identity=identity,
        actor_xapi_id=actor,
        verb=verb,
        object=object,
        timestamp=at,
        registration=enrolment.registration,
        parents=(cohort_ref(cohort),) if parents is None else parents,
        groupings=(programme_ref(cohort.programme),)
        if groupings is None
        else groupings,
        result=result,
    )


def registered(*, actor: uuid.UUID, enrolment: Any, at: datetime) -> LearningEvent:
    return _event(
        f"enrolled:{enrolment.pk}:{enrolment.status_changed_at.isoformat()}",
        actor=actor, verb=Verbs.REGISTERED, object=cohort_ref(enrolment.cohort),
        at=at, enrolment=enrolment, parents=(),
    )  # fmt: skip


def withdrew(*, actor: uuid.UUID, enrolment: Any, at: datetime) -> LearningEvent:
    return _event(
        f"withdrew:{enrolment.pk}:{at.isoformat()}",
        actor=actor, verb=Verbs.WITHDREW, object=cohort_ref(enrolment.cohort),
        at=at, enrolment=enrolment, parents=(),
    )  # fmt: skip


def attended(
    *, actor: uuid.UUID, enrolment: Any, session: Any, at: datetime
) -> LearningEvent:
    return _event(
        f"session-attended:{session.pk}:{enrolment.pk}",
        actor=actor, verb=Verbs.ATTENDED, object=session_ref(session), at=at,
        enrolment=enrolment,
    )  # fmt: skip


def _reflection_ref(entry: Any) -> ActivityRef:
    # The entry's id only: reflection text never goes into a statement.
    return ActivityRef(activity_iri("reflection", entry.pk), ActivityTypes.REFLECTION)


def reflection_shared(*, actor: uuid.UUID, entry: Any, at: datetime) -> LearningEvent:
    return _event(
        f"reflection-shared:{entry.pk}",
        actor=actor, verb=Verbs.SUBMITTED_REFLECTION, object=_reflection_ref(entry),
        at=at, enrolment=entry.enrolment,
    )  # fmt: skip


def feedback_received(*, actor: uuid.UUID, entry: Any, feedback: Any) -> LearningEvent:
    return _event(
        f"feedback-received:{feedback.pk}",
        actor=actor, verb=Verbs.RECEIVED_FEEDBACK, object=_reflection_ref(entry),
        at=feedback.created_at, enrolment=entry.enrolment,
    )  # fmt: skip


def assignment_completed(*, actor: uuid.UUID, work: Any, title: str) -> LearningEvent:
    programme_id = work.enrolment.cohort.programme_id
    return _event(
        f"assignment-completed:{work.pk}",
        actor=actor, verb=Verbs.COMPLETED,
        object=ActivityRef(
            activity_iri("assignment", f"{programme_id}/{work.assignment_key}"),
            ActivityTypes.ASSIGNMENT,
            title[:200],
        ),
        at=work.submitted_at, enrolment=work.enrolment,
    )  # fmt: skip


def course_revised(*, actor: uuid.UUID, work: Any, course: Any) -> LearningEvent:
    # The own course by id only: its name may identify the lecturer.
    return _event(
        f"course-revised:{work.pk}",
        actor=actor, verb=Verbs.REVISED_COURSE,
        object=ActivityRef(
            activity_iri("own-course", course.pk), ActivityTypes.OWN_COURSE
        ),
        at=work.submitted_at, enrolment=work.enrolment,
    )  # fmt: skip


def trajectory_progressed(
    *, actor: uuid.UUID, enrolment: Any, percent: int, at: datetime
) -> LearningEvent:
    # One statement per enrolment and percentage: reaching the same share again
    # (e.g. after an entry was made private and shared again) records nothing new.
    return _event(
        f"trajectory-progressed:{enrolment.pk}:{percent}",
        actor=actor, verb=Verbs.PROGRESSED,
        object=programme_ref(enrolment.cohort.programme), at=at, enrolment=enrolment,
        groupings=(), result=ResultData(score_scaled=percent / 100),
    )  # fmt: skip


def trajectory_completed(
    *, actor: uuid.UUID, enrolment: Any, at: datetime
) -> LearningEvent:
    # Once per enrolment, whatever happens to it later.
    return _event(
        f"trajectory-completed:{enrolment.pk}",
        actor=actor, verb=Verbs.COMPLETED,
        object=programme_ref(enrolment.cohort.programme), at=at, enrolment=enrolment,
        groupings=(), result=ResultData(completion=True, score_scaled=1.0),
    )  # fmt: skip


def session_ref(session: Any) -> ActivityRef:
    return ActivityRef(
        activity_iri("session", session.pk), ActivityTypes.SESSION, session.title[:200]
    )


def evaluation_responded(
    *, actor: uuid.UUID, enrolment: Any, session: Any, at: datetime
) -> LearningEvent:
    # That the participant answered, never what: no result, no answer, no id of
    # the stored response (that would join the answers to the person). Once per
    # participant and session, anonymous evaluation or not — who answered is
    # known anyway (it is what refuses a second answer).
    cohort = session.cohort
    return _event(
        f"session-evaluation-responded:{session.pk}:{enrolment.pk}",
        actor=actor, verb=Verbs.RESPONDED,
        object=ActivityRef(
            activity_iri("session-evaluation", session.pk),
            ActivityTypes.SESSION_EVALUATION,
            session.title[:200],
        ),
        at=at, enrolment=enrolment, parents=(session_ref(session),),
        groupings=(cohort_ref(cohort), programme_ref(cohort.programme)),
    )  # fmt: skip
