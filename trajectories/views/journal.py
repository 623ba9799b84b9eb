"""The reflective journal pages: write (with autosave), share, read, feedback."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, requires_object, signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..exceptions import StaleEntry, TrajectoryError
from ..forms import AttachmentForm, FeedbackForm, JournalEntryForm, ShareForm
from ..models import Enrolment, JournalEntry
from ..permissions import COACH_COHORT, READ_ENTRY, WRITE_ENTRY
from ..rules.reflection import sections_for


def _form(
    enrolment: Enrolment, data: Any = None, initial: Any = None, editing: bool = False
) -> JournalEntryForm:
    return JournalEntryForm(
        data,
        initial=initial,
        editing=editing,
        sections=sections_for(enrolment.cohort.programme.reflection_model),
        sessions=list(enrolment.cohort.sessions.order_by("number")),
        assignments=[
            (str(block.id), block.value["title"])
            for block in enrolment.cohort.programme.assignments
        ],
    )


def _chosen_session(request: HttpRequest, enrolment: Enrolment) -> int | None:
    """The session `?session=<number>` names, when the person's cohort has it."""
    number = request.GET.get("session", "")[:6]
    if not number.isdigit():
        return None
    return (
        enrolment.cohort.sessions.filter(number=int(number))
        .values_list("pk", flat=True)
        .first()
    )


def _own_enrolment(request: HttpRequest, enrolment_id: int) -> Enrolment:
    enrolment = selectors.own_enrolment(request.user, enrolment_id)
    if enrolment is None:
        raise Http404
    return enrolment


@signed_in
def journal(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(request, enrolment_id)
    return render(
        request,
        "engage_trajectories/journal.html",
        {"enrolment": enrolment, "entries": selectors.journal_of(enrolment)},
    )


@signed_in
def my_journal(request: HttpRequest) -> HttpResponse:
    """Where a lesson's "Reflect" box sends a person: a new entry in the journal
    of their current trajectory, or their trajectories when they take part in
    none."""
    enrolment = selectors.current_enrolment(request.user)
    if enrolment is None:
        messages.info(
            request, _("Your reflective journal opens when you join a trajectory.")
        )
        return redirect("engage_trajectories:mine")
    return redirect("engage_trajectories:entry_new", enrolment_id=enrolment.pk)


def _autosave_reply(entry: JournalEntry) -> JsonResponse:
    return JsonResponse(
        {
            "id": entry.pk,
            "saved_at": entry.updated_at.isoformat(),
            "version": entry.version,
            "edit_url": reverse("engage_trajectories:entry_edit", args=[entry.pk]),
        }
    )


def _write(
    request: HttpRequest, enrolment: Enrolment, entry: JournalEntry | None
) -> HttpResponse:
    autosave = request.headers.get("X-Autosave") == "1"
    if request.method == "POST":
        form = _form(enrolment, request.POST, editing=entry is not None)
        saved = _save(request, form, enrolment, entry)
        if saved is not None and autosave:
            return _autosave_reply(saved)
        if saved is not None:
            messages.success(request, _("Entry saved."))
            return redirect("engage_trajectories:entry", pk=saved.pk)
        if autosave:
            # 409: changed elsewhere; `version` is the entry's version now.
            return JsonResponse(
                {
                    "errors": form.errors.get_json_data(),
                    "version": form.conflict_version,
                },
                status=_status(form),
            )
    elif entry is not None:
        initial = {
            "title": entry.title,
            "session": entry.session_id,
            "assignment": entry.assignment_key,
            "version": entry.version,
        }
        initial.update({f"section_{k}": v for k, v in entry.sections.items()})
        form = _form(enrolment, initial=initial, editing=True)
    else:
        # "Write a reflection on this assignment" and "Share a reflection on
        # session N" link here with it chosen.
        form = _form(
            enrolment,
            initial={
                "assignment": request.GET.get("assignment", "")[:64],
                "session": _chosen_session(request, enrolment),
            },
        )
    return render(
        request,
        "engage_trajectories/entry_form.html",
        {"form": form, "enrolment": enrolment, "entry": entry},
        status=_status(form) if form.is_bound and form.errors else 200,
    )


def _status(form: JournalEntryForm) -> int:
    """409 for a save refused because the entry changed elsewhere, else 400."""
    return 409 if form.conflict_version is not None else 400


def _save(
    request: HttpRequest,
    form: JournalEntryForm,
    enrolment: Enrolment,
    entry: JournalEntry | None,
) -> JournalEntry | None:
    """The saved entry, or None with the form showing why not."""
    if not form.is_valid():
        return None
    try:
        return services.save_entry(
            author=request.user,
            enrolment=enrolment,
            entry=entry,
            version=form.cleaned_data.get("version"),
            title=form.cleaned_data["title"],
            sections=form.cleaned_sections(),
            session_id=form.cleaned_data.get("session"),
            assignment_key=form.cleaned_data.get("assignment", ""),
        )
    except TrajectoryError as error:
        add_domain_error(form, error)
        if isinstance(error, StaleEntry):
            form.offer_version(error.current_version)
        return None


@signed_in
def entry_new(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    return _write(request, _own_enrolment(request, enrolment_id), None)


def _entry(request: HttpRequest, pk: int, permission: str) -> JournalEntry:
    """The entry, when the person may: not yours and not shared with you, it does
    not exist, as far as you know."""
    entry = selectors.entry_for_reading(pk)
    if entry is None:
        raise Http404
    ensure(request.user, permission, entry)
    return entry


@requires_object(WRITE_ENTRY)
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk, WRITE_ENTRY)
    return _write(request, entry.enrolment, entry)


@requires_object(READ_ENTRY)
def entry(request: HttpRequest, pk: int) -> HttpResponse:
    found = _entry(request, pk, READ_ENTRY)
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
            "is_author": request.user.has_perm(WRITE_ENTRY, found),
            # The coach came from the cohort's page and goes back to it.
            "coaches_cohort": request.user.has_perm(
                COACH_COHORT, found.enrolment.cohort
            ),
            "thread": selectors.feedback_thread(found),
            "attachments": selectors.attachments_of(found),
            "attachment_form": AttachmentForm(),
            "feedback_form": FeedbackForm(),
            "share_form": ShareForm(initial={"visibility": found.visibility}),
        },
    )


@requires_object(WRITE_ENTRY)
@require_POST
def entry_share(request: HttpRequest, pk: int) -> HttpResponse:
    found = _entry(request, pk, WRITE_ENTRY)
    form = ShareForm(request.POST)
    if form.is_valid():
        services.share_entry(
            author=request.user, entry=found, visibility=form.cleaned_data["visibility"]
        )
        messages.success(request, _("Who can read this entry was changed."))
    else:
        messages.error(request, _("Choose who can read the entry."))
    return redirect("engage_trajectories:entry", pk=pk)


@requires_object(READ_ENTRY)
@require_POST
def entry_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    found = _entry(request, pk, READ_ENTRY)
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
