"""The learning events of a trajectory (pure: data in, event out).

Statement identities are irreversible: changing one makes recorded events count
twice. Every event carries the enrolment's registration.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from lms.xapi.builder import activity_iri
from lms.xapi.data import ActivityRef, LearningEvent, ResultData
from lms.xapi.vocabulary import ActivityTypes, Verbs


def programme_ref(programme: Any) -> ActivityRef:
    return ActivityRef(
        activity_iri("programme", programme.pk),
        ActivityTypes.PROGRAMME,
        programme.title[:200],
    )


def cohort_ref(cohort: Any) -> ActivityRef:
    return ActivityRef(
        activity_iri("cohort", cohort.pk), ActivityTypes.COHORT, cohort.title[:200]
    )


def registered(*, actor: uuid.UUID, enrolment: Any, at: datetime) -> LearningEvent:
    cohort = enrolment.cohort
    return LearningEvent(
        identity=f"enrolled:{enrolment.pk}:{enrolment.status_changed_at.isoformat()}",
        actor_xapi_id=actor,
        verb=Verbs.REGISTERED,
        object=cohort_ref(cohort),
        timestamp=at,
        registration=enrolment.registration,
        groupings=(programme_ref(cohort.programme),),
    )


def withdrew(*, actor: uuid.UUID, enrolment: Any, at: datetime) -> LearningEvent:
    cohort = enrolment.cohort
    return LearningEvent(
        identity=f"withdrew:{enrolment.pk}:{at.isoformat()}",
        actor_xapi_id=actor,
        verb=Verbs.WITHDREW,
        object=cohort_ref(cohort),
        timestamp=at,
        registration=enrolment.registration,
        groupings=(programme_ref(cohort.programme),),
    )


def attended(
    *, actor: uuid.UUID, enrolment: Any, session: Any, at: datetime
) -> LearningEvent:
    cohort = session.cohort
    return LearningEvent(
        identity=f"session-attended:{session.pk}:{enrolment.pk}",
        actor_xapi_id=actor,
        verb=Verbs.ATTENDED,
        object=session_ref(session),
        timestamp=at,
        registration=enrolment.registration,
        parents=(cohort_ref(cohort),),
        groupings=(programme_ref(cohort.programme),),
    )


def _reflection_ref(entry: Any) -> ActivityRef:
    # The entry's id only: reflection text never goes into a statement.
    return ActivityRef(activity_iri("reflection", entry.pk), ActivityTypes.REFLECTION)


def reflection_shared(*, actor: uuid.UUID, entry: Any, at: datetime) -> LearningEvent:
    cohort = entry.enrolment.cohort
    return LearningEvent(
        identity=f"reflection-shared:{entry.pk}",
        actor_xapi_id=actor,
        verb=Verbs.SUBMITTED_REFLECTION,
        object=_reflection_ref(entry),
        timestamp=at,
        registration=entry.enrolment.registration,
        parents=(cohort_ref(cohort),),
        groupings=(programme_ref(cohort.programme),),
    )


def feedback_received(*, actor: uuid.UUID, entry: Any, feedback: Any) -> LearningEvent:
    cohort = entry.enrolment.cohort
    return LearningEvent(
        identity=f"feedback-received:{feedback.pk}",
        actor_xapi_id=actor,
        verb=Verbs.RECEIVED_FEEDBACK,
        object=_reflection_ref(entry),
        timestamp=feedback.created_at,
        registration=entry.enrolment.registration,
        parents=(cohort_ref(cohort),),
        groupings=(programme_ref(cohort.programme),),
    )


def assignment_completed(*, actor: uuid.UUID, work: Any, title: str) -> LearningEvent:
    cohort = work.enrolment.cohort
    return LearningEvent(
        identity=f"assignment-completed:{work.pk}",
        actor_xapi_id=actor,
        verb=Verbs.COMPLETED,
        object=ActivityRef(
            activity_iri("assignment", f"{cohort.programme_id}/{work.assignment_key}"),
            ActivityTypes.ASSIGNMENT,
            title[:200],
        ),
        timestamp=work.submitted_at,
        registration=work.enrolment.registration,
        parents=(cohort_ref(cohort),),
        groupings=(programme_ref(cohort.programme),),
    )


def course_revised(*, actor: uuid.UUID, work: Any, course: Any) -> LearningEvent:
    # The own course by id only: its name may identify the lecturer.
    cohort = work.enrolment.cohort
    return LearningEvent(
        identity=f"course-revised:{work.pk}",
        actor_xapi_id=actor,
        verb=Verbs.REVISED_COURSE,
        object=ActivityRef(
            activity_iri("own-course", course.pk), ActivityTypes.OWN_COURSE
        ),
        timestamp=work.submitted_at,
        registration=work.enrolment.registration,
        parents=(cohort_ref(cohort),),
        groupings=(programme_ref(cohort.programme),),
    )


def trajectory_progressed(
    *, actor: uuid.UUID, enrolment: Any, percent: int, at: datetime
) -> LearningEvent:
    # One statement per enrolment and percentage: reaching the same share again
    # (e.g. after an entry was made private and shared again) records nothing new.
    cohort = enrolment.cohort
    return LearningEvent(
        identity=f"trajectory-progressed:{enrolment.pk}:{percent}",
        actor_xapi_id=actor,
        verb=Verbs.PROGRESSED,
        object=programme_ref(cohort.programme),
        timestamp=at,
        registration=enrolment.registration,
        parents=(cohort_ref(cohort),),
        result=ResultData(score_scaled=percent / 100),
    )


def trajectory_completed(
    *, actor: uuid.UUID, enrolment: Any, at: datetime
) -> LearningEvent:
    # Once per enrolment, whatever happens to it later.
    cohort = enrolment.cohort
    return LearningEvent(
        identity=f"trajectory-completed:{enrolment.pk}",
        actor_xapi_id=actor,
        verb=Verbs.COMPLETED,
        object=programme_ref(cohort.programme),
        timestamp=at,
        registration=enrolment.registration,
        parents=(cohort_ref(cohort),),
        result=ResultData(completion=True, score_scaled=1.0),
    )


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
    return LearningEvent(
        identity=f"session-evaluation-responded:{session.pk}:{enrolment.pk}",
        actor_xapi_id=actor,
        verb=Verbs.RESPONDED,
        object=ActivityRef(
            activity_iri("session-evaluation", session.pk),
            ActivityTypes.SESSION_EVALUATION,
            session.title[:200],
        ),
        timestamp=at,
        registration=enrolment.registration,
        parents=(session_ref(session),),
        groupings=(cohort_ref(cohort), programme_ref(cohort.programme)),
    )
