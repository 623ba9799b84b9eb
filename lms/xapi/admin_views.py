"""A Wagtail admin page: forwarding health per destination, dead letters, replay."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import forwarding
from .models import Destination

PERMISSION = "engage_xapi.change_destination"


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def forwarding_status(request: HttpRequest) -> HttpResponse:
    _check(request)
    rows = [
        (status, forwarding.dead_letters(status.destination.pk) if status.dead else [])
        for status in forwarding.destination_statuses()
    ]
    return TemplateResponse(
        request,
        "engage_xapi/admin/forwarding_status.html",
        {"rows": rows, "page_title": _("xAPI forwarding")},
    )


@require_POST
def replay_dead_letters(request: HttpRequest, destination_id: int) -> HttpResponse:
    _check(request)
    destination = get_object_or_404(Destination, pk=destination_id)
    count = forwarding.replay(destination=destination, dead_only=True)
    messages.success(
        request,
        _("%(count)s dead letter(s) queued again for %(name)s.")
        % {"count": count, "name": destination.name},
    )
    return redirect("engage_xapi_forwarding")
