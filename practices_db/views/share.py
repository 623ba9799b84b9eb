"""Sharing practices: the share form, editing, and the author's "my practices"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, requires, requires_object, signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..exceptions import PracticeError
from ..forms import PracticeForm
from ..models import PracticePage
from ..permissions import CHANGE_PRACTICE, SHARE
from ..rules.licences import licence_info
from .feedback import attempt

SENT_FOR_REVIEW = gettext_lazy("Your practice was sent for review.")


def _render_form(
    request: HttpRequest, form: PracticeForm, page: PracticePage | None
) -> HttpResponse:
    return render(
        request,
        "engage_practices/practice_form.html",
        {"form": form, "practice": page},
        status=400 if form.is_bound and form.errors else 200,
    )


def _authors_practice(request: HttpRequest, pk: int) -> PracticePage:
    page = selectors.practice_with_review(pk)
    if page is None:
        raise Http404
    ensure(request.user, CHANGE_PRACTICE, page)
    return page


def _initial(request: HttpRequest) -> dict[str, Any]:
    user: Any = request.user
    faculty = getattr(getattr(user, "engage_profile", None), "faculty", None)
    return {
        "faculty": faculty,
        "contact_name": user.get_full_name(),
        "contact_email": user.email,
        "language": request.LANGUAGE_CODE
        if request.LANGUAGE_CODE in ("en", "nl")
        else "en",
    }


@requires(SHARE)
def share(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render_form(request, PracticeForm(initial=_initial(request)), None)
    form = PracticeForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            page = services.create_practice(author=request.user, data=form.to_input())
            return _after_save(request, page)
        except PracticeError as error:
            add_domain_error(form, error)
    return _render_form(request, form, None)


def _after_save(request: HttpRequest, page: PracticePage) -> HttpResponse:
    if "submit" in request.POST:
        attempt(
            request,
            SENT_FOR_REVIEW,
            lambda: services.submit_practice(actor=request.user, page=page),
        )
    else:
        messages.success(
            request,
            _(
                "Your practice was saved as a draft. "
                "Submit it for review when it is ready."
            ),
        )
    return redirect("engage_practices:mine_detail", pk=page.pk)


@requires_object(CHANGE_PRACTICE)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    page = _authors_practice(request, pk)
    blocker = services.edit_blocker(page)
    if blocker:
        messages.error(request, blocker)
        return redirect("engage_practices:mine_detail", pk=pk)
    draft = page.get_latest_revision_as_object()
    if request.method != "POST":
        form = PracticeForm(initial=PracticeForm.initial_from(draft), page=draft)
        return _render_form(request, form, draft)
    form = PracticeForm(request.POST, request.FILES, page=draft)
    if form.is_valid():
        try:
            services.update_practice(
                actor=request.user, page=page, data=form.to_input()
            )
            return _after_save(request, page)
        except PracticeError as error:
            add_domain_error(form, error)
    return _render_form(request, form, draft)


@signed_in
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_practices/mine.html",
        {
            "practices": selectors.my_practices(request.user),
            "may_share": request.user.has_perm(SHARE),
            "bookmarks": selectors.bookmarks_of(request.user)[:50],
        },
    )


@requires_object(CHANGE_PRACTICE)
def mine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = _authors_practice(request, pk)
    draft = page.get_latest_revision_as_object()
    return render(
        request,
        "engage_practices/mine_detail.html",
        {
            "practice": page,
            "draft": draft,
            "status": selectors.status_of(page),
            "history": selectors.review_history(page),
            "adoptions": selectors.adoptions_of(page),
            "edit_blocker": services.edit_blocker(page),
            "licence": licence_info(draft.licence),
        },
    )


@requires_object(CHANGE_PRACTICE)
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    page = _authors_practice(request, pk)
    attempt(
        request,
        SENT_FOR_REVIEW,
        lambda: services.submit_practice(actor=request.user, page=page),
    )
    return redirect("engage_practices:mine_detail", pk=pk)


@requires_object(CHANGE_PRACTICE)
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    page = _authors_practice(request, pk)
    attempt(
        request,
        _("Your practice was taken out of review; you can edit it now."),
        lambda: services.withdraw_practice(actor=request.user, page=page),
    )
    return redirect("engage_practices:mine_detail", pk=pk)
