"""The reflective journal pages: write (with autosave), share, read, feedback."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .exceptions import TrajectoryError
from .forms import AttachmentForm, FeedbackForm, JournalEntryForm, ShareForm
from .models import Enrolment, JournalEntry
from .reflection import sections_for


def _form(
    enrolment: Enrolment, data: Any = None, initial: Any = None
) -> JournalEntryForm:
    return JournalEntryForm(
        data,
        initial=initial,
        sections=sections_for(enrolment.cohort.programme.reflection_model),
        sessions=list(enrolment.cohort.sessions.order_by("number")),
        assignments=[
            (str(block.id), block.value["title"])
            for block in enrolment.cohort.programme.assignments
        ],
    )


@login_required
def journal(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.own_enrolment(request.user, enrolment_id)
    if enrolment is None:
        raise Http404
    return render(
        request,
        "engage_trajectories/journal.html",
        {"enrolment": enrolment, "entries": selectors.journal_of(enrolment)},
    )


def _autosave_reply(entry: JournalEntry) -> JsonResponse:
    return JsonResponse(
        {
            "id": entry.pk,
            "saved_at": entry.updated_at.isoformat(),
            "edit_url": reverse("engage_trajectories:entry_edit", args=[entry.pk]),
        }
    )


def _write(
    request: HttpRequest, enrolment: Enrolment, entry: JournalEntry | None
) -> HttpResponse:
    autosave = request.headers.get("X-Autosave") == "1"
    if request.method == "POST":
        form = _form(enrolment, request.POST)
        if form.is_valid():
            entry = services.save_entry(
                author=request.user,
                enrolment=enrolment,
                entry=entry,
                title=form.cleaned_data["title"],
                sections=form.cleaned_sections(),
                session_id=form.cleaned_data.get("session"),
                assignment_key=form.cleaned_data.get("assignment", ""),
            )
            if autosave:
                return _autosave_reply(entry)
            messages.success(request, _("Entry saved."))
            return redirect("engage_trajectories:entry", pk=entry.pk)
        if autosave:
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    elif entry is not None:
        initial = {
            "title": entry.title,
            "session": entry.session_id,
            "assignment": entry.assignment_key,
        }
        initial.update({f"section_{k}": v for k, v in entry.sections.items()})
        form = _form(enrolment, initial=initial)
    else:
        # "Write a reflection on this assignment" links here with it chosen.
        form = _form(
            enrolment,
            initial={
                "assignment": request.GET.get("assignment", "")[:64],
                "session": request.GET.get("session", "")[:12],
            },
        )
    return render(
        request,
        "engage_trajectories/entry_form.html",
        {"form": form, "enrolment": enrolment, "entry": entry},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def entry_new(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = selectors.own_enrolment(request.user, enrolment_id)
    if enrolment is None:
        raise Http404
    return _write(request, enrolment, None)


def _own_entry(request: HttpRequest, pk: int) -> JournalEntry:
    entry = selectors.entry_for_reading(pk)
    if entry is None or entry.enrolment.user_id != request.user.pk:
        raise Http404
    return entry


@login_required
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    return _write(request, entry.enrolment, entry)


@login_required
def entry(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.entry_for_reading(pk)
    # Not yours and not shared with you: it does not exist, as far as you know.
    if found is None or not services.may_read(request.user, found):
        raise Http404
    sections = [
        (section, found.sections.get(section.key, ""))
        for section in sections_for(found.enrolment.cohort.programme.reflection_model)
    ]
    return render(
        request,
        "engage_trajectories/entry.html",
        {
            "entry": found,
            "sections": sections,
            "is_author": found.enrolment.user_id == request.user.pk,
            "thread": selectors.feedback_thread(found),
            "attachments": selectors.attachments_of(found),
            "attachment_form": AttachmentForm(),
            "feedback_form": FeedbackForm(),
            "share_form": ShareForm(initial={"visibility": found.visibility}),
        },
    )


@login_required
@require_POST
def entry_share(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own_entry(request, pk)
    form = ShareForm(request.POST)
    if form.is_valid():
        services.share_entry(
            author=request.user, entry=found, visibility=form.cleaned_data["visibility"]
        )
        messages.success(request, _("Who can read this entry was changed."))
    else:
        messages.error(request, _("Choose who can read the entry."))
    return redirect("engage_trajectories:entry", pk=pk)


@login_required
@require_POST
def entry_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.entry_for_reading(pk)
    if found is None or not services.may_read(request.user, found):
        raise Http404
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.give_feedback(
                author=request.user, entry=found, body=form.cleaned_data["body"]
            )
            messages.success(request, _("Feedback posted."))
        except TrajectoryError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Feedback must be 1 to 5,000 characters."))
    return redirect("engage_trajectories:entry", pk=pk)
