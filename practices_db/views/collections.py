"""Collections of practices for education meetings: the curator's pages, and the
shared page and PDF handout anyone with the secret link may open."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, public, requires

from .. import selectors, services
from ..forms import AddToCollectionForm, CollectionForm, CollectionItemForm
from ..models import CollectionItem, PracticeCollection
from ..permissions import CHANGE_COLLECTION, CURATE
from ..selectors.handout import build_handout
from .practice import back, live_or_404

NOTE_TOO_LONG = gettext_lazy("The note is too long (at most 1,000 characters).")


@requires(CURATE)
def collections(request: HttpRequest) -> HttpResponse:
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
    collection = get_object_or_404(PracticeCollection, pk=pk)
    ensure(request.user, CHANGE_COLLECTION, collection)
    return collection


def _collection_action(
    request: HttpRequest, collection: PracticeCollection, form: CollectionForm
) -> HttpResponse | None:
    action = request.POST.get("action", "")
    if action == "delete":
        services.delete_collection(actor=request.user, collection=collection)
        messages.success(request, _("Collection deleted."))
        return redirect("engage_practices:collections")
    if action == "renew":
        services.renew_share_link(actor=request.user, collection=collection)
        messages.success(
            request, _("New share link made; the old link no longer works.")
        )
        return redirect("engage_practices:collection", pk=collection.pk)
    if form.is_valid():
        services.update_collection(
            actor=request.user,
            collection=collection,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("Collection saved."))
        return redirect("engage_practices:collection", pk=collection.pk)
    return None


@requires(CURATE)
def collection(request: HttpRequest, pk: int) -> HttpResponse:
    item_collection = _own_collection(request, pk)
    form = CollectionForm(
        request.POST or None,
        initial={
            "title": item_collection.title,
            "description": item_collection.description,
        },
    )
    if request.method == "POST":
        done = _collection_action(request, item_collection, form)
        if done is not None:
            return done
    share_url = request.build_absolute_uri(
        reverse(
            "engage_practices:shared_collection", args=[item_collection.share_token]
        )
    )
    items = [
        (item, CollectionItemForm(initial={"note": item.note}, prefix=f"item{item.pk}"))
        for item in selectors.collection_items(item_collection)
    ]
    return render(
        request,
        "engage_practices/collection.html",
        {
            "collection": item_collection,
            "items": items,
            "form": form,
            "share_url": share_url,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _change_item(request: HttpRequest, item: CollectionItem) -> None:
    action = request.POST.get("action", "")
    if action in ("up", "down"):
        offset = -1 if action == "up" else 1
        services.move_item(actor=request.user, item=item, offset=offset)
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
            messages.error(request, NOTE_TOO_LONG)


@requires(CURATE)
@require_POST
def collection_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_object_or_404(
        CollectionItem.objects.select_related("collection"),
        pk=item_pk,
        collection_id=pk,
    )
    ensure(request.user, CHANGE_COLLECTION, item.collection)
    _change_item(request, item)
    return redirect(
        reverse("engage_practices:collection", args=[pk]) + f"#item-{item_pk}"
    )


@requires(CURATE)
@require_POST
def add_to_collection(request: HttpRequest, pk: int) -> HttpResponse:
    page = live_or_404(pk)
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
        messages.error(request, NOTE_TOO_LONG)
    else:
        messages.error(request, _("Choose one of your collections."))
    return back(request, page)


def _shared_or_404(token: str) -> PracticeCollection:
    item_collection = selectors.shared_collection(token)
    if item_collection is None:
        raise Http404
    return item_collection


@public
def shared_collection(request: HttpRequest, token: str) -> HttpResponse:
    item_collection = _shared_or_404(token)
    return render(
        request,
        "engage_practices/shared_collection.html",
        {
            "collection": item_collection,
            "items": selectors.collection_items(item_collection),
            "is_owner": item_collection.owner_id == getattr(request.user, "pk", None),
        },
    )


@public
def collection_handout(request: HttpRequest, token: str) -> HttpResponse:
    item_collection = _shared_or_404(token)
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
