"""The role dashboard: what each role comes for, on one page."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lms.accounts import selectors as accounts
from lms.accounts.access import signed_in

from ..permissions import roles_held
from ..selectors import dashboard as selectors
from ..selectors import work


@signed_in
def dashboard(request: HttpRequest) -> HttpResponse:
    """Panels appear per registered rule (`engage_frontend.view_*_panel`)."""
    user = request.user
    profile = accounts.profile_of(user)
    context: dict[str, Any] = {
        "profile": profile,
        "roles": roles_held(user),
        "is_lecturer": user.has_perm("engage_frontend.view_lecturer_panel"),
        "is_coach": user.has_perm("engage_frontend.view_coach_panel"),
        "is_coordinator": user.has_perm("engage_frontend.view_coordinator_panel"),
        "is_programme_admin": user.has_perm(
            "engage_frontend.view_administration_panel"
        ),
    }
    _add_trajectory_panels(user, context)
    _add_work_panels(user, context)
    if context["is_coordinator"] and profile.faculty_id:
        _add_faculty_people(request, profile.faculty_id, context)
    if context["is_programme_admin"]:
        context["faculties"] = selectors.people_per_faculty()
    return render(request, "engage_frontend/dashboard.html", context)


def _add_trajectory_panels(user: Any, context: dict[str, Any]) -> None:
    if not apps.is_installed("trajectories"):
        return  # only when the host installed the trajectories app
    from trajectories import selectors as trajectories

    if context["is_lecturer"]:
        context["trajectory"] = trajectories.lecturer_dashboard(user)
    if context["is_coach"]:
        context["coached"] = trajectories.coach_dashboard(user)


def _add_work_panels(user: Any, context: dict[str, Any]) -> None:
    """What waits for the person: practices to review, portfolios to score, and
    the programme team's key figures, each behind the rule of its own page."""
    if user.has_perm("engage_practices.review_practices"):
        context["reviews"] = work.practices_to_review(user)
    if user.has_perm("engage_certification.assess_portfolios"):
        assessing = work.assessor_work(user)
        # Only someone who was ever allocated an assessment sees the panel.
        if assessing is not None and assessing.allocated_any:
            context["assessing"] = assessing
    # A coach who coaches nothing but assesses sees no coaching wording.
    context["show_coaching"] = context["is_coach"] and bool(
        context.get("coached") or "assessing" not in context
    )
    if context["is_programme_admin"]:
        context["figures"] = work.key_figures(
            with_dead_letters=user.has_perm("engage_xapi.manage_forwarding")
        )


def _add_faculty_people(
    request: HttpRequest, faculty_id: int, context: dict[str, Any]
) -> None:
    if not request.user.has_perm("engage_frontend.view_faculty_people", faculty_id):
        return
    page, people = selectors.faculty_people_page(faculty_id, request.GET.get("page"))
    context["people_page"] = page
    context["faculty_people"] = people
