"""A programme with completion rules and a cohort whose sessions all lie in the
past, so every rule can be met; helpers that meet them through the services."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort, make_programme
from trajectories import services
from trajectories.models import Cohort, Enrolment, ProgrammePage
from trajectories.selectors import my_trajectories

SESSIONS = 5  # session 2 is mandatory; 80 % asks for 4 of the 5
_numbers = itertools.count(1)


def make_rules_programme(**rules: Any) -> ProgrammePage:
    """The factory programme with five planned sessions (the second mandatory)."""
    page = make_programme(f"Inclusive teaching {next(_numbers)}")
    page.session_plan = [
        (
            "session",
            {"title": f"Plan {n}", "goals": "<p>g</p>", "mandatory": n == 2},
        )
        for n in range(1, SESSIONS + 1)
    ]
    for name, value in rules.items():
        setattr(page, f"completion_{name}", value)
    page.save_revision().publish()
    return ProgrammePage.objects.get(pk=page.pk)


@dataclass
class Trajectory:
    """One lecturer's enrolment in a finished-sessions cohort, with its coach."""

    cohort: Cohort
    enrolment: Enrolment
    lecturer: Any
    coach: Any

    def refresh(self) -> Enrolment:
        self.enrolment.refresh_from_db()
        return self.enrolment

    def attend(self, *numbers: int, status: str = "present") -> None:
        for number in numbers:
            services.mark_attendance(
                actor=self.coach,
                session=self.cohort.sessions.get(number=number),
                enrolment=self.enrolment,
                status=status,
            )

    def assignment_keys(self) -> list[str]:
        (overview,) = [
            o
            for o in my_trajectories(self.lecturer)
            if o.enrolment.pk == self.enrolment.pk
        ]
        return [a.key for a in overview.assignments]

    def submit(self, *keys: str) -> None:
        course = self.lecturer.own_courses.first() or services.register_course(
            owner=self.lecturer, name="Statistics 1"
        )
        for key in keys:
            services.save_assignment(
                user=self.lecturer, enrolment=self.enrolment, key=key, course=course,
                planned_change="", actual_change="<p>Rewrote it</p>", effect="",
                submit=True,
            )  # fmt: skip

    def reflect(self, *numbers: int, visibility: str = "coach") -> None:
        for number in numbers:
            entry = services.save_entry(
                author=self.lecturer,
                enrolment=self.enrolment,
                title=f"On session {number}",
                sections={"what": "<p>Thoughts</p>"},
                session_id=self.cohort.sessions.get(number=number).pk,
            )
            services.share_entry(
                author=self.lecturer, entry=entry, visibility=visibility
            )

    def everything(self, *, skip: str = "") -> None:
        """Meet every rule, except the one named by `skip`."""
        attended = {
            "min_attendance": (2, 3, 4),  # 3 of 5, the mandatory one among them
            "mandatory_sessions": (1, 3, 4, 5),  # 4 of 5, not the mandatory one
        }.get(skip, (1, 2, 3, 4, 5))
        self.attend(*attended)
        keys = self.assignment_keys()
        self.submit(*(keys[:-1] if skip == "all_assignments" else keys))
        reflected = range(1, SESSIONS if skip == "reflection_per_session" else 6)
        self.reflect(*reflected)


def make_trajectory(
    programme: ProgrammePage | None = None,
    *,
    lecturer: Any = None,
    coach: Any = None,
    cohort: Cohort | None = None,
) -> Trajectory:
    coach = coach or person(Role.COACH, username="progress-coach")
    cohort = cohort or make_cohort(
        programme or make_rules_programme(),
        coaches=(coach,),
        sessions=SESSIONS,
        first_session_in_days=-100,
    )
    lecturer = lecturer or person(Role.LECTURER, username="progress-lecturer")
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    return Trajectory(
        cohort=cohort, enrolment=enrolment, lecturer=lecturer, coach=coach
    )
