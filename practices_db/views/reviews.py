"""Reviewing practices: the list of practices waiting, and one review."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.accounts.access import ensure, requires, requires_object
from lms.forms import add_domain_error

from .. import selectors, services
from ..exceptions import PracticeError, ReviewOutdated
from ..forms import ReviewForm
from ..models import PracticePage
from ..permissions import REVIEW_PRACTICE, REVIEW_PRACTICES
from ..rules.licences import licence_info


@requires(REVIEW_PRACTICES)
def reviews(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_practices/reviews.html",
        {"waiting": selectors.reviews_waiting(request.user)},
    )


@requires_object(REVIEW_PRACTICE)
def review(request: HttpRequest, pk: int) -> HttpResponse:
    page = get_object_or_404(PracticePage, pk=pk)
    if (
        request.method == "POST"
        and services.decided_meanwhile(request.user, page, request.POST.get("seen", ""))
        and not services.review_actions(request.user, page)
    ):
        # The reviewer's page was open while the step they read ended.
        messages.info(
            request,
            _(
                "While you had this practice open, another reviewer decided on it "
                "or its author withdrew it. There is nothing for you to decide "
                "now, so your review was not sent."
            ),
        )
        return redirect("engage_practices:reviews")
    ensure(request.user, REVIEW_PRACTICE, page, hide=False)
    actions = services.review_actions(request.user, page)
    if not actions:
        raise PermissionDenied  # nothing to decide at this step
    seen = services.review_seen(page)
    form = ReviewForm(request.POST or None, actions=actions, initial={"seen": seen})
    if request.method == "POST" and form.is_valid():
        try:
            services.review_practice(
                actor=request.user,
                page=page,
                action=form.cleaned_data["action"],
                comment=form.cleaned_data["comment"],
                seen=form.cleaned_data["seen"],
            )
            messages.success(
                request, _("Your review was recorded; the author is notified.")
            )
            return redirect("engage_practices:reviews")
        except ReviewOutdated as error:
            # The page now shows the practice as it is; the typed comment stays.
            form = ReviewForm({**request.POST.dict(), "seen": seen}, actions=actions)
            form.is_valid()
            add_domain_error(form, error)
        except PracticeError as error:
            add_domain_error(form, error)
    draft = page.get_latest_revision_as_object()
    return render(
        request,
        "engage_practices/review.html",
        {
            "practice": page,
            "draft": draft,
            "form": form,
            "history": selectors.review_history(page),
            "task_state": page.current_workflow_task_state,
            "licence": licence_info(draft.licence),
            "attachments": list(draft.attachments.all()),
        },
        status=400 if form.is_bound and form.errors else 200,
    )
