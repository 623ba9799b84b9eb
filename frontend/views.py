"""Home, role dashboards and the friendly error pages."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from wagtail.models import Site

from lms.accounts import selectors as accounts
from lms.accounts.roles import Role

from .models import HomePage

PEOPLE_PER_PAGE = 50


def home(request: HttpRequest) -> HttpResponse:
    """The site's root page, or the built-in explanation before it is authored."""
    site = Site.find_for_request(request)
    root = site.root_page.specific if site else None
    if isinstance(root, HomePage) and root.live:
        return root.serve(request)
    return render(request, "engage_frontend/home_page.html", {"page": None})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """What each role comes for, on one page; panels appear per role."""
    user = request.user
    roles = accounts.roles_of(user)
    profile = accounts.profile_of(user)
    context: dict[str, Any] = {
        "profile": profile,
        "roles": sorted(roles, key=lambda role: list(Role).index(role)),
        "is_lecturer": Role.LECTURER in roles,
        "is_coach": Role.COACH in roles,
        "is_coordinator": Role.FACULTY_COORDINATOR in roles,
        "is_programme_admin": accounts.has_role(user, Role.PROGRAMME_ADMIN),
    }
    if apps.is_installed("trajectories"):
        # Only when the host installed the trajectories app.
        from trajectories import selectors as trajectories

        if context["is_lecturer"]:
            context["trajectory"] = trajectories.lecturer_dashboard(user)
        if context["is_coach"]:
            context["coached"] = trajectories.coach_dashboard(user)
    if context["is_coordinator"] and profile.faculty_id:
        people_page = Paginator(
            accounts.faculty_people(profile.faculty_id), PEOPLE_PER_PAGE
        ).get_page(request.GET.get("page"))
        context["people_page"] = people_page
        context["faculty_people"] = [
            (person, accounts.roles_of_prefetched(person)) for person in people_page
        ]
    if context["is_programme_admin"]:
        context["faculties"] = accounts.people_per_faculty()
    return render(request, "engage_frontend/dashboard.html", context)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form was sent without a valid token: usually an expired or reopened page."""
    return render(request, "engage_frontend/csrf_failure.html", status=403)


def permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return render(request, "engage_frontend/403.html", status=403)


def page_not_found(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return render(request, "engage_frontend/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors or database: the error may be the database itself.
    template = loader.get_template("engage_frontend/500.html")
    return HttpResponse(template.render({}), status=500)
