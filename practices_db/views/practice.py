"""What people do on a published practice's page: bookmark it, say "I used
this"; and recording that they viewed it (the page itself is the Wagtail
`PracticePage`, whose get_context asks the selectors)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import signed_in

from .. import selectors, services
from ..forms import AdoptionForm
from ..models import PracticePage
from .feedback import attempt


def record_view(page: Any, request: HttpRequest) -> None:
    """Before Wagtail serves a live page: a practice records the person's view
    (previews are not served through here)."""
    if isinstance(page, PracticePage):
        services.record_view(user=request.user, page=page)


def live_or_404(pk: int) -> PracticePage:
    page = selectors.live_practice(pk)
    if page is None:
        raise Http404
    return page


def back(request: HttpRequest, page: PracticePage) -> HttpResponse:
    return HttpResponseRedirect(page.get_url(request) or "/")


@signed_in
@require_POST
def bookmark(request: HttpRequest, pk: int) -> HttpResponse:
    page = live_or_404(pk)
    on = request.POST.get("bookmarked") != "0"
    attempt(
        request,
        _("Bookmarked.") if on else _("Bookmark removed."),
        lambda: services.set_bookmark(user=request.user, page=page, bookmarked=on),
    )
    return back(request, page)


@signed_in
@require_POST
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    page = live_or_404(pk)
    if request.POST.get("withdraw"):
        services.withdraw_adoption(user=request.user, page=page)
        messages.success(request, _("You no longer say you used this practice."))
        return back(request, page)
    form = AdoptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your note is too long (at most 500 characters)."))
        return back(request, page)
    attempt(
        request,
        _("Thank you! The author will see that you used it."),
        lambda: services.record_adoption(
            user=request.user, page=page, note=form.cleaned_data["note"]
        ),
    )
    return back(request, page)
