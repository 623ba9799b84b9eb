"""Checking in to a session: the coach's screen to project in the room (the code
large, a QR code that opens check-in, when the code stops working) and the
participant's page that a scanned QR code opens."""

from __future__ import annotations

from urllib.parse import urlencode

import qrcode
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from qrcode.image.svg import SvgPathFillImage

from lms.accounts.access import ensure, requires_object

from .. import selectors, services
from ..models import CohortSession
from ..permissions import COACH_COHORT


def _coached_session(request: HttpRequest, pk: int) -> CohortSession:
    session = get_object_or_404(
        CohortSession.objects.select_related("cohort__programme"), pk=pk
    )
    ensure(request.user, COACH_COHORT, session.cohort)
    return session


def checkin_address(request: HttpRequest, code: str) -> str:
    """The address a participant's phone opens from the QR code."""
    path = reverse("engage_trajectories:check_in") + "?" + urlencode({"code": code})
    return request.build_absolute_uri(path)


@requires_object(COACH_COHORT)
def checkin_screen(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the session's code; POST makes a new one (the old one stops)."""
    session = _coached_session(request, pk)
    if request.method == "POST":
        services.new_checkin_code(actor=request.user, session=session)
        messages.success(request, _("A new check-in code is ready to show."))
        return redirect("engage_trajectories:checkin_screen", pk=session.pk)
    screen = selectors.checkin_screen(session, timezone.now())
    return render(
        request,
        "engage_trajectories/checkin_screen.html",
        {
            "screen": screen,
            "address": checkin_address(request, screen.code) if screen.code else "",
        },
    )


@requires_object(COACH_COHORT)
def checkin_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The QR code of the session's check-in address, as SVG."""
    session = _coached_session(request, pk)
    if not session.checkin_code:
        raise Http404
    image = qrcode.make(
        checkin_address(request, session.checkin_code),
        image_factory=SvgPathFillImage,
        border=2,
    )
    response = HttpResponse(image.to_string(), content_type="image/svg+xml")
    # The code changes when the coach asks for a new one: never reuse an old image.
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    return response
