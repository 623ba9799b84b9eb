"""Every access rule of the frontend, registered in `FrontendConfig.ready()` and
asked through `user.has_perm` by every door (decision 0002).

Insight (aggregates only, small cells suppressed):

- `engage_frontend.view_institution_insight`: the programme team's dashboard of
  every faculty, and every yearly report.
- `engage_frontend.view_insight`: an insight dashboard of some kind (the faculty
  dashboard, the CSV downloads, the reports page): the programme team, or a
  faculty coordinator who has a faculty.
- `engage_frontend.view_faculty_insight` (object: a faculty or its id): the
  programme team, or that faculty's coordinator.
- `engage_frontend.request_report` / `engage_frontend.view_report` (object: a
  `YearlyReport`, requested or not yet saved): the programme team any report, a
  coordinator their own faculty's (never the institution's).

Dashboard panels: `engage_frontend.view_lecturer_panel`, `view_coach_panel`,
`view_coordinator_panel`, `view_administration_panel` (by role), and
`engage_frontend.view_faculty_people` (object: a faculty or its id): that
faculty's coordinator. The panels of work waiting ask the rules of the pages they
link to: `engage_practices.review_practices` (practices to review),
`engage_certification.assess_portfolios` (portfolios to assess) and
`engage_xapi.manage_forwarding` (the dead-letter figure).
"""

from __future__ import annotations

from typing import Any

from lms.accounts.models import Faculty
from lms.accounts.permissions import (
    coordinates_faculty,
    faculty_id_of,
    register_object_rule,
    register_rule,
)
from lms.accounts.roles import Role
from lms.accounts.selectors import has_role, roles_of

from .models import YearlyReport


def is_programme_team(user: Any) -> bool:
    return has_role(user, Role.PROGRAMME_ADMIN)


def sees_some_insight(user: Any) -> bool:
    """The programme team, or the coordinator of the faculty in their profile."""
    return is_programme_team(user) or coordinates_faculty(user, faculty_id_of(user))


def sees_faculty_insight(user: Any, faculty: Faculty | int) -> bool:
    return is_programme_team(user) or coordinates_faculty(user, faculty)


def covers_report(user: Any, report: YearlyReport) -> bool:
    """A faculty's report: whoever sees that faculty's insight; the institution's
    (no faculty): the programme team."""
    if report.faculty_id is None:
        return is_programme_team(user)
    return sees_faculty_insight(user, report.faculty_id)


def _holds(role: Role) -> Any:
    def rule(user: Any) -> bool:
        return has_role(user, role)

    return rule


def roles_held(user: Any) -> list[Role]:
    """The roles `user` holds, in the order of `Role`, to name them on the
    dashboard (from the roles the rules above already loaded: no query)."""
    held = roles_of(user)
    return [role for role in Role if role in held]


def register_rules() -> None:
    register_rule("engage_frontend.view_institution_insight", is_programme_team)
    register_rule("engage_frontend.view_insight", sees_some_insight)
    register_object_rule("engage_frontend.view_faculty_insight", sees_faculty_insight)
    register_object_rule("engage_frontend.request_report", covers_report)
    register_object_rule("engage_frontend.view_report", covers_report)
    register_rule("engage_frontend.view_lecturer_panel", _holds(Role.LECTURER))
    register_rule("engage_frontend.view_coach_panel", _holds(Role.COACH))
    register_rule(
        "engage_frontend.view_coordinator_panel", _holds(Role.FACULTY_COORDINATOR)
    )
    register_rule(
        "engage_frontend.view_administration_panel", _holds(Role.PROGRAMME_ADMIN)
    )
    register_object_rule("engage_frontend.view_faculty_people", coordinates_faculty)
