"""The notification pages: the list, opening one, marking all read, preferences."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lms.accounts.access import signed_in

from . import selectors, services
from .forms import PreferenceForm

PER_PAGE = 25


@signed_in
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_of(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "engage_notifications/list.html",
        {"page_obj": page, "notifications": page.object_list},
    )


@signed_in
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the notification read, then go where it points."""
    # Scoped to the person: another's notification is not found, for everyone
    # (superusers included: opening marks it read for its recipient).
    notification = selectors.own_notification(request.user, pk)
    if notification is None:
        raise Http404
    services.mark_read(user=request.user, notification=notification)
    if notification.url and url_has_allowed_host_and_scheme(
        notification.url,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return HttpResponseRedirect(notification.url)
    messages.success(request, _("Marked as read."))
    return redirect("engage_notifications:list")


@signed_in
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(user=request.user)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)d notification marked as read.",
                "%(count)d notifications marked as read.",
                count,
            )
            % {"count": count},
        )
    return redirect("engage_notifications:list")


@signed_in
def preferences(request: HttpRequest) -> HttpResponse:
    current = selectors.preference_of(request.user)
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            services.set_digest_preference(
                user=request.user,
                digest=form.cleaned_data["digest"],
                email_immediately=form.cleaned_data["email_immediately"],
            )
            messages.success(request, _("Your notification settings have been saved."))
            return HttpResponseRedirect(reverse("engage_notifications:preferences"))
    else:
        form = PreferenceForm(
            initial={
                "digest": current.digest,
                "email_immediately": current.email_immediately,
            }
        )
    return render(request, "engage_notifications/preferences.html", {"form": form})
