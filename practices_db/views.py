"""Site pages of the practices database: parse input, call one service or selector."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.roles import Role
from lms.accounts.selectors import has_role

from . import selectors, services
from .exceptions import PracticeError
from .forms import (
    AddToCollectionForm,
    AdoptionForm,
    CollectionForm,
    CollectionItemForm,
    PracticeForm,
    ReviewForm,
)
from .licences import licence_info
from .models import CollectionItem, PracticeCollection, PracticeIndexPage, PracticePage
from .search import FACETS, Sort, query_from_params, query_to_params, run_search

# --- finding ------------------------------------------------------------------------


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params) if params else "?"


def serve_search(
    request: HttpRequest, index: PracticeIndexPage | None = None
) -> HttpResponse:
    query = query_from_params(request.GET)
    results = run_search(query, correct=not request.GET.get("nocorrect"))
    q = results.query
    if query.text and query.page == 1:
        # A corrected search found nothing for what the person typed.
        services.log_search(
            text=query.text, found=bool(results.total) and not results.corrected_text
        )
    facets = []
    for facet in results.facets:
        values = []
        for value in facet.values:
            chosen = list(q.selected.get(facet.param, ()))
            toggled = (
                [k for k in chosen if k != value.key]
                if value.selected
                else [*chosen, value.key]
            )
            selected = {**q.selected, facet.param: tuple(toggled)}
            values.append((value, _url(query_to_params(q, selected=selected, page=1))))
        facets.append((facet, values))
    active_filters = [
        (facet.label, value.label, url)
        for facet, values in facets
        for value, url in values
        if value.selected
    ]
    context = {
        "page": index or selectors.practices_index_page(),
        "results": results,
        "facets": facets,
        "active_filters": active_filters,
        "sort_choices": Sort.CHOICES,
        "sort": q.effective_sort,
        "facet_params": [spec.param for spec in FACETS],
        "clear_url": _url([("q", q.text)] if q.text else []),
        "prev_url": _url(query_to_params(q, page=q.page - 1)) if q.page > 1 else "",
        "next_url": (
            _url(query_to_params(q, page=q.page + 1))
            if q.page < results.num_pages
            else ""
        ),
        "original_url": _url(query_to_params(q, page=1)) + "&nocorrect=1"
        if results.corrected_text
        else "",
        "export_url": (
            reverse("engage_practices:export") + _url(query_to_params(q, page=1))
            if has_role(request.user, Role.PROGRAMME_ADMIN)
            else ""
        ),
    }
    return render(request, "engage_practices/practice_index_page.html", context)


def search(request: HttpRequest) -> HttpResponse:
    return serve_search(request)


def serve_practice(request: HttpRequest, page: PracticePage) -> HttpResponse:
    is_preview = getattr(request, "is_preview", False) or not page.live
    user = request.user
    if not is_preview:
        services.record_view(user=user, page=page)
    engagement = selectors.engagement(page, user) if page.pk else None
    context = {
        "page": page,
        "self": page,
        "licence": licence_info(page.licence),
        "attachments": list(page.attachments.all()),
        "related": selectors.related_practices(page) if not is_preview else [],
        "engagement": engagement,
        "is_preview": is_preview,
        "is_author": page.owner_id == getattr(user, "pk", None),
        "adoption_form": AdoptionForm(
            initial={"note": engagement.adoption.note}
            if engagement and engagement.adoption
            else None
        ),
        "collection_form": (
            AddToCollectionForm(user=user) if services.may_curate(user) else None
        ),
        "citation_year": (page.first_published_at or page.latest_revision_created_at)
        and (page.first_published_at or page.latest_revision_created_at).year,
    }
    return render(request, "engage_practices/practice_page.html", context)


# --- sharing ------------------------------------------------------------------------


def _render_form(
    request: HttpRequest, form: PracticeForm, page: PracticePage | None
) -> HttpResponse:
    return render(
        request,
        "engage_practices/practice_form.html",
        {"form": form, "practice": page},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def share(request: HttpRequest) -> HttpResponse:
    if not services.may_share(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = PracticeForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                page = services.create_practice(
                    author=request.user, data=form.to_input()
                )
                return _after_save(request, page)
            except PracticeError as error:
                form.add_error(None, str(error))
    else:
        user: Any = request.user
        faculty = getattr(getattr(user, "engage_profile", None), "faculty", None)
        name = user.get_full_name()
        form = PracticeForm(
            initial={
                "faculty": faculty,
                "contact_name": name,
                "contact_email": user.email,
                "language": request.LANGUAGE_CODE
                if request.LANGUAGE_CODE in ("en", "nl")
                else "en",
            }
        )
    return _render_form(request, form, None)


def _after_save(request: HttpRequest, page: PracticePage) -> HttpResponse:
    if "submit" in request.POST:
        try:
            services.submit_practice(actor=request.user, page=page)
            messages.success(request, _("Your practice was sent for review."))
        except PracticeError as error:
            messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Your practice was saved as a draft. "
                "Submit it for review when it is ready."
            ),
        )
    return redirect("engage_practices:mine_detail", pk=page.pk)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.own_practice(request.user, pk)
    if page is None:
        raise Http404
    blocker = services.edit_blocker(request.user, page)
    if blocker:
        messages.error(request, blocker)
        return redirect("engage_practices:mine_detail", pk=pk)
    draft = page.get_latest_revision_as_object()
    if request.method == "POST":
        form = PracticeForm(request.POST, request.FILES, page=draft)
        if form.is_valid():
            try:
                services.update_practice(
                    actor=request.user, page=page, data=form.to_input()
                )
                return _after_save(request, page)
            except PracticeError as error:
                form.add_error(None, str(error))
    else:
        form = PracticeForm(initial=PracticeForm.initial_from(draft), page=draft)
    return _render_form(request, form, draft)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_practices/mine.html",
        {
            "practices": selectors.my_practices(request.user),
            "may_share": services.may_share(request.user),
            "bookmarks": selectors.bookmarks_of(request.user)[:50],
        },
    )


@login_required
def mine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.own_practice(request.user, pk)
    if page is None:
        raise Http404
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
            "edit_blocker": services.edit_blocker(request.user, page),
            "licence": licence_info(draft.licence),
        },
    )


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.own_practice(request.user, pk)
    if page is None:
        raise Http404
    try:
        services.submit_practice(actor=request.user, page=page)
        messages.success(request, _("Your practice was sent for review."))
    except PracticeError as error:
        messages.error(request, str(error))
    return redirect("engage_practices:mine_detail", pk=pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.own_practice(request.user, pk)
    if page is None:
        raise Http404
    try:
        services.withdraw_practice(actor=request.user, page=page)
        messages.success(
            request, _("Your practice was taken out of review; you can edit it now.")
        )
    except PracticeError as error:
        messages.error(request, str(error))
    return redirect("engage_practices:mine_detail", pk=pk)


# --- review -------------------------------------------------------------------------


@login_required
def reviews(request: HttpRequest) -> HttpResponse:
    if not (
        has_role(request.user, Role.FACULTY_COORDINATOR)
        or has_role(request.user, Role.PROGRAMME_ADMIN)
    ):
        raise PermissionDenied
    return render(
        request,
        "engage_practices/reviews.html",
        {"waiting": selectors.reviews_waiting(request.user)},
    )


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    page = get_object_or_404(PracticePage, pk=pk)
    actions = services.review_actions(request.user, page)
    if not actions:
        raise PermissionDenied
    form = ReviewForm(request.POST or None, actions=actions)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_practice(
                actor=request.user,
                page=page,
                action=form.cleaned_data["action"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(
                request, _("Your review was recorded; the author is notified.")
            )
            return redirect("engage_practices:reviews")
        except PracticeError as error:
            form.add_error(None, str(error))
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


# --- using practices ----------------------------------------------------------------


def _live_or_404(pk: int) -> PracticePage:
    page = selectors.live_practice(pk)
    if page is None:
        raise Http404
    return page


def _back(request: HttpRequest, page: PracticePage) -> HttpResponse:
    return HttpResponseRedirect(page.get_url(request) or "/")


@login_required
@require_POST
def bookmark(request: HttpRequest, pk: int) -> HttpResponse:
    page = _live_or_404(pk)
    on = request.POST.get("bookmarked") != "0"
    try:
        services.set_bookmark(user=request.user, page=page, bookmarked=on)
        messages.success(request, _("Bookmarked.") if on else _("Bookmark removed."))
    except PracticeError as error:
        messages.error(request, str(error))
    return _back(request, page)


@login_required
@require_POST
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    page = _live_or_404(pk)
    if request.POST.get("withdraw"):
        services.withdraw_adoption(user=request.user, page=page)
        messages.success(request, _("You no longer say you used this practice."))
        return _back(request, page)
    form = AdoptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your note is too long (at most 500 characters)."))
        return _back(request, page)
    try:
        services.record_adoption(
            user=request.user, page=page, note=form.cleaned_data["note"]
        )
        messages.success(request, _("Thank you! The author will see that you used it."))
    except PracticeError as error:
        messages.error(request, str(error))
    return _back(request, page)


# --- collections --------------------------------------------------------------------


def _curator(request: HttpRequest) -> None:
    if not services.may_curate(request.user):
        raise PermissionDenied


@login_required
def collections(request: HttpRequest) -> HttpResponse:
    _curator(request)
    form = CollectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        collection = services.create_collection(
            owner=request.user,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
        )
        messages.success(
            request, _("Collection created. Add practices from their pages.")
        )
        return redirect("engage_practices:collection", pk=collection.pk)
    return render(
        request,
        "engage_practices/collections.html",
        {"collections": selectors.collections_of(request.user), "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


def _own_collection(request: HttpRequest, pk: int) -> PracticeCollection:
    return get_object_or_404(PracticeCollection, pk=pk, owner=request.user)


@login_required
def collection(request: HttpRequest, pk: int) -> HttpResponse:
    _curator(request)
    item_collection = _own_collection(request, pk)
    form = CollectionForm(
        request.POST or None,
        initial={
            "title": item_collection.title,
            "description": item_collection.description,
        },
    )
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "delete":
            services.delete_collection(actor=request.user, collection=item_collection)
            messages.success(request, _("Collection deleted."))
            return redirect("engage_practices:collections")
        if action == "renew":
            services.renew_share_link(actor=request.user, collection=item_collection)
            messages.success(
                request, _("New share link made; the old link no longer works.")
            )
            return redirect("engage_practices:collection", pk=pk)
        if form.is_valid():
            services.update_collection(
                actor=request.user,
                collection=item_collection,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
            )
            messages.success(request, _("Collection saved."))
            return redirect("engage_practices:collection", pk=pk)
    share_url = request.build_absolute_uri(
        reverse(
            "engage_practices:shared_collection", args=[item_collection.share_token]
        )
    )
    return render(
        request,
        "engage_practices/collection.html",
        {
            "collection": item_collection,
            "items": [
                (
                    item,
                    CollectionItemForm(
                        initial={"note": item.note}, prefix=f"item{item.pk}"
                    ),
                )
                for item in selectors.collection_items(item_collection)
            ],
            "form": form,
            "share_url": share_url,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def collection_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    _curator(request)
    item = get_object_or_404(
        CollectionItem, pk=item_pk, collection_id=pk, collection__owner=request.user
    )
    action = request.POST.get("action", "")
    if action == "up":
        services.move_item(actor=request.user, item=item, offset=-1)
    elif action == "down":
        services.move_item(actor=request.user, item=item, offset=1)
    elif action == "remove":
        services.remove_item(actor=request.user, item=item)
        messages.success(request, _("Removed from the collection."))
    else:
        form = CollectionItemForm(request.POST, prefix=f"item{item.pk}")
        if form.is_valid():
            services.update_item(
                actor=request.user, item=item, note=form.cleaned_data["note"]
            )
            messages.success(request, _("Note saved."))
        else:
            messages.error(
                request, _("The note is too long (at most 1,000 characters).")
            )
    return redirect(
        reverse("engage_practices:collection", args=[pk]) + f"#item-{item_pk}"
    )


@login_required
@require_POST
def add_to_collection(request: HttpRequest, pk: int) -> HttpResponse:
    _curator(request)
    page = _live_or_404(pk)
    form = AddToCollectionForm(request.POST, user=request.user)
    if form.is_valid():
        services.add_to_collection(
            actor=request.user,
            collection=form.cleaned_data["collection"],
            page=page,
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Added to the collection."))
    elif "note" in form.errors:
        messages.error(request, _("The note is too long (at most 1,000 characters)."))
    else:
        messages.error(request, _("Choose one of your collections."))
    return _back(request, page)


def shared_collection(request: HttpRequest, token: str) -> HttpResponse:
    item_collection = selectors.shared_collection(token)
    if item_collection is None:
        raise Http404
    return render(
        request,
        "engage_practices/shared_collection.html",
        {
            "collection": item_collection,
            "items": selectors.collection_items(item_collection),
            "is_owner": item_collection.owner_id == getattr(request.user, "pk", None),
        },
    )


def collection_handout(request: HttpRequest, token: str) -> HttpResponse:
    from .handout import build_handout

    item_collection = selectors.shared_collection(token)
    if item_collection is None:
        raise Http404
    pdf = build_handout(
        item_collection,
        selectors.collection_items(item_collection),
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="collection-{item_collection.pk}.pdf"'
    )
    return response


@login_required
def export(request: HttpRequest) -> HttpResponseBase:
    from .exchange import export_csv_response

    if not has_role(request.user, Role.PROGRAMME_ADMIN):
        raise PermissionDenied
    return export_csv_response(query_from_params(request.GET))
