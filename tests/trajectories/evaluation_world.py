"""A programme with evaluation questions and a cohort whose first session just
ended, with participants who attended it, for the session evaluation tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort, make_programme
from trajectories import services
from trajectories.models import Cohort, CohortSession, Enrolment, ProgrammePage

USEFUL = "The session was useful for my teaching."
QUESTIONS = [
    ("likert", {"statement": USEFUL, "required": True}),
    ("likert", {"statement": "I can apply it in my own course.", "required": False}),
    ("text", {"question": "What should we change?", "required": False}),
]


def programme_with_questions(
    title: str = "Inclusive teaching",
    *,
    anonymous: bool = True,
    minimum: int = 5,
    questions: list[Any] | None = None,
) -> ProgrammePage:
    page = make_programme(title)
    page.evaluation_questions = QUESTIONS if questions is None else questions
    page.evaluation_anonymous = anonymous
    page.evaluation_min_group = minimum
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@dataclass
class EvalWorld:
    programme: ProgrammePage
    cohort: Cohort
    coach: Any
    # Session 1 ended yesterday (open); 2 ends next week; 3 later.
    session: CohortSession
    participants: list[Enrolment] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [q.key for q in self.programme.evaluation_question_list()]

    def answers(self, first: int = 4, second: int | None = 5, text: str = "") -> dict:
        keys = self.keys
        found: dict[str, object] = {keys[0]: first}
        if second is not None:
            found[keys[1]] = second
        if text:
            found[keys[2]] = text
        return found

    def answer(self, enrolment: Enrolment, **kwargs: Any) -> Any:
        return services.submit_evaluation(
            user=enrolment.user, session=self.session, answers=self.answers(**kwargs)
        )

    def more_participants(self, n: int, *, prefix: str = "p") -> list[Enrolment]:
        added = []
        for _n in range(n):
            user = person(Role.LECTURER, username=f"{prefix}{len(self.participants)}")
            enrolment = services.enrol(user=user, cohort=self.cohort)
            services.mark_attendance(
                actor=self.coach,
                session=self.session,
                enrolment=enrolment,
                status="present",
            )
            self.participants.append(enrolment)
            added.append(enrolment)
        return added


def build_world(
    coach: Any,
    *,
    participants: int = 6,
    anonymous: bool = True,
    minimum: int = 5,
    programme: ProgrammePage | None = None,
    ended_hours_ago: float = 20,
) -> EvalWorld:
    programme = programme or programme_with_questions(
        anonymous=anonymous, minimum=minimum
    )
    cohort = make_cohort(programme, capacity=60, coaches=(coach,))
    session = cohort.sessions.get(number=1)
    ends = timezone.now() - timedelta(hours=ended_hours_ago)
    CohortSession.objects.filter(pk=session.pk).update(
        starts_at=ends - timedelta(hours=3), ends_at=ends
    )
    session.refresh_from_db()
    world = EvalWorld(programme=programme, cohort=cohort, coach=coach, session=session)
    world.more_participants(participants, prefix=f"c{cohort.pk}-p")
    return world
