"""A Wagtail admin page: forwarding health per destination, dead letters, replay."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import requires

from ..models import Destination
from ..permissions import MANAGE_FORWARDING
from ..selectors.forwarding import dead_letters, destination_statuses
from ..services.destination_health import request_probe
from ..services.forwarding_replay import replay


@requires(MANAGE_FORWARDING)
def forwarding_status(request: HttpRequest) -> HttpResponse:
    rows = [
        (status, dead_letters(status.destination.pk) if status.dead else [])
        for status in destination_statuses()
    ]
    return TemplateResponse(
        request,
        "engage_xapi/admin/forwarding_status.html",
        {"rows": rows, "page_title": _("xAPI forwarding")},
    )


@requires(MANAGE_FORWARDING)
@require_POST
def replay_dead_letters(request: HttpRequest, destination_id: int) -> HttpResponse:
    destination = get_object_or_404(Destination, pk=destination_id)
    count = replay(destination=destination, dead_only=True)
    messages.success(
        request,
        _("%(count)s dead letter(s) queued again for %(name)s.")
        % {"count": count, "name": destination.name},
    )
    return redirect("engage_xapi_forwarding")


@requires(MANAGE_FORWARDING)
@require_POST
def replay_dead_letter(
    request: HttpRequest, destination_id: int, statement_id: uuid.UUID
) -> HttpResponse:
    """Send one dead letter again, on its own (the others stay where they are)."""
    destination = get_object_or_404(Destination, pk=destination_id)
    count = replay(destination=destination, dead_only=True, statement_id=statement_id)
    messages.success(
        request,
        _("%(count)s dead letter(s) queued again for %(name)s.")
        % {"count": count, "name": destination.name},
    )
    return redirect("engage_xapi_forwarding")


@requires(MANAGE_FORWARDING)
@require_POST
def probe_destination(request: HttpRequest, destination_id: int) -> HttpResponse:
    """Probe a failing destination now instead of at its next probe time."""
    destination = get_object_or_404(Destination, pk=destination_id)
    request_probe(destination.pk)
    messages.success(
        request,
        _("A probe of %(name)s is queued; reload this page in a moment.")
        % {"name": destination.name},
    )
    return redirect("engage_xapi_forwarding")
