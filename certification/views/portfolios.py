"""The lecturer's certification pages: parse input, call one service or selector.

Anything that is not the person's own is "not found" (404), never "forbidden".
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, requires_object, signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..exceptions import CertificationError, NotEligible
from ..forms import LinkEvidenceForm, SelfAssessmentForm, SubmitForm, UploadEvidenceForm
from ..models import Portfolio, PortfolioVersion
from ..permissions import (
    CHANGE_EVIDENCE,
    CHANGE_PORTFOLIO,
    VIEW_PORTFOLIO,
    VIEW_VERSION,
)
from ..selectors.credentials import my_certificates
from ..selectors.snapshot import read_snapshot, uploads_of
from .actions import Action, perform


def _own(
    request: HttpRequest, pk: int, permission: str = CHANGE_PORTFOLIO
) -> Portfolio:
    portfolio = selectors.portfolio_by_pk(pk)
    if portfolio is None:
        raise Http404
    ensure(request.user, permission, portfolio)
    return portfolio


def _own_evidence(request: HttpRequest, link_id: int) -> Any:
    link = selectors.evidence_link(link_id)
    if link is None:
        raise Http404
    ensure(request.user, CHANGE_EVIDENCE, link)
    return link


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_certification/home.html",
        {
            "overviews": selectors.my_certification(request.user),
            "certificates": my_certificates(request.user),
        },
    )


@signed_in
@require_POST
def start(request: HttpRequest, scheme_id: int) -> HttpResponse:
    scheme = selectors.scheme_for_lecturer(request.user, scheme_id)
    if scheme is None:
        raise Http404
    try:
        portfolio = services.start_portfolio(user=request.user, scheme=scheme)
    except CertificationError as error:
        messages.error(request, str(error))
        return redirect("engage_certification:home")
    return redirect("engage_certification:edit", pk=portfolio.pk)


@requires_object(VIEW_PORTFOLIO)
def portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own(request, pk, VIEW_PORTFOLIO)
    versions = selectors.versions_of(found)
    decided = next((v for v in versions if v.decision is not None), None)
    results = None
    frozen = []
    if decided is not None:
        results = selectors.decided_results(decided.version)
        frozen = read_snapshot(decided.version.snapshot)
    return render(
        request,
        "engage_certification/portfolio.html",
        {
            "portfolio": found,
            "versions": versions,
            "latest_decided": decided,
            "results": results,
            "frozen": frozen,
            "eligibility": selectors.eligibility(
                user=request.user, scheme=found.scheme, portfolio=found
            )
            if found.is_editable
            else None,
        },
    )


@requires_object(CHANGE_PORTFOLIO)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own(request, pk)
    return render(
        request,
        "engage_certification/edit.html",
        {
            "portfolio": found,
            "areas": selectors.workspace(found),
            "eligibility": selectors.eligibility(
                user=request.user, scheme=found.scheme, portfolio=found
            )
            if found.is_editable
            else None,
        },
    )


def _competency_forms(
    found: Portfolio, data: Any = None, files: Any = None, action: str = ""
) -> dict[str, Any]:
    choices = selectors.evidence_choices(found)
    return {
        "link_form": LinkEvidenceForm(
            data if action == "link" else None, choices=choices, prefix="link"
        ),
        "upload_form": UploadEvidenceForm(
            data if action == "upload" else None,
            files if action == "upload" else None,
            prefix="upload",
        ),
        "choices": choices,
    }


@requires_object(CHANGE_PORTFOLIO)
def competency(request: HttpRequest, pk: int, competency_id: int) -> HttpResponse:
    found = _own(request, pk)
    chosen = selectors.competency_of(found, competency_id)
    if chosen is None:
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = _competency_forms(found, request.POST, request.FILES, action)
    self_line = selectors.workspace(found, competency_id=chosen.pk)[0].lines[0]
    existing = self_line.self_assessment
    self_form = SelfAssessmentForm(
        request.POST if action == "self" else None,
        prefix="self",
        initial={"level": existing.level, "text": existing.text} if existing else None,
    )
    status = 200
    if request.method == "POST":
        if not found.is_editable:
            messages.error(request, _("The portfolio cannot be changed now."))
            return redirect("engage_certification:portfolio", pk=found.pk)
        done = _competency_action(request, found, chosen, action, forms, self_form)
        if done:
            return redirect(
                "engage_certification:competency", pk=found.pk, competency_id=chosen.pk
            )
        status = 400
    return render(
        request,
        "engage_certification/competency.html",
        {
            "portfolio": found,
            "competency": chosen,
            "line": self_line,
            "self_form": self_form,
            **forms,
        },
        status=status,
    )


def _competency_action(
    request: HttpRequest,
    found: Portfolio,
    chosen: Any,
    action: str,
    forms: dict[str, Any],
    self_form: SelfAssessmentForm,
) -> bool:
    on = {"user": request.user, "portfolio": found, "competency": chosen}
    link_form = forms["link_form"]
    actions = {
        "link": Action(
            link_form,
            lambda data: services.link_evidence(
                **on, **selectors.evidence_item(*link_form.chosen()), note=data["note"]
            ),
            _("Evidence linked."),
        ),
        "upload": Action(
            forms["upload_form"],
            lambda data: services.upload_evidence(
                **on, file=data["file"], note=data["note"]
            ),
            _("File added as evidence."),
        ),
        "self": Action(
            self_form,
            lambda data: services.save_self_assessment(
                **on, level=data["level"], text=data["text"]
            ),
            _("Self-assessment saved."),
        ),
    }
    return perform(request, action, actions, _("Choose what to save.")) is not None


@requires_object(CHANGE_EVIDENCE)
@require_POST
def remove_evidence(request: HttpRequest, link_id: int) -> HttpResponse:
    link = _own_evidence(request, link_id)
    try:
        services.remove_evidence(user=request.user, link=link)
        messages.success(request, _("Evidence removed from the portfolio."))
    except CertificationError as error:
        messages.error(request, str(error))
    return redirect(
        "engage_certification:competency",
        pk=link.portfolio_id,
        competency_id=link.competency_id,
    )


def _file_response(storage_file: Any, name: str) -> FileResponse:
    try:
        handle = storage_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=name or "evidence",
        content_type="application/octet-stream",
    )  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    return response


@requires_object(CHANGE_EVIDENCE)
def evidence_file(request: HttpRequest, link_id: int) -> HttpResponse:
    link = _own_evidence(request, link_id)
    if not link.file:
        raise Http404
    return _file_response(link.file, link.file_name)


@requires_object(CHANGE_PORTFOLIO)
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own(request, pk)
    if not found.is_editable:
        messages.error(request, _("The portfolio cannot be submitted now."))
        return redirect("engage_certification:portfolio", pk=found.pk)
    form = SubmitForm(request.POST or None)
    missing: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            version = services.submit_portfolio(user=request.user, portfolio=found)
            messages.success(
                request,
                _("Version %(n)d of your portfolio is submitted and frozen.")
                % {"n": version.number},
            )
            return redirect("engage_certification:portfolio", pk=found.pk)
        except CertificationError as error:
            missing = error.missing if isinstance(error, NotEligible) else []
            add_domain_error(form, error)
    eligibility = selectors.eligibility(
        user=request.user, scheme=found.scheme, portfolio=found
    )
    return render(
        request,
        "engage_certification/submit.html",
        {
            "portfolio": found,
            "form": form,
            "eligibility": eligibility,
            "missing": missing or eligibility.missing,
            "areas": selectors.workspace(found),
        },
        status=400 if request.method == "POST" else 200,
    )


def _readable_version(request: HttpRequest, pk: int) -> PortfolioVersion:
    version = selectors.version_by_pk(pk)
    if version is None:
        raise Http404
    ensure(request.user, VIEW_VERSION, version)
    return version


@requires_object(VIEW_VERSION)
def version(request: HttpRequest, pk: int) -> HttpResponse:
    found = _readable_version(request, pk)
    return render(
        request,
        "engage_certification/version.html",
        {
            "version": found,
            "frozen": read_snapshot(found.snapshot),
            "snapshot": found.snapshot,
            "is_author": found.portfolio.user_id == request.user.pk,
        },
    )


@requires_object(VIEW_VERSION)
def version_file(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    found = _readable_version(request, pk)
    uploads = uploads_of(found.snapshot)
    if not 0 <= index < len(uploads):
        raise Http404
    item = uploads[index]
    name = str(item.get("file", ""))
    if not name.startswith("certification/evidence/") or ".." in name:
        raise Http404
    return _file_response(_StoredFile(default_storage, name), str(item.get("name", "")))


class _StoredFile:
    def __init__(self, storage: Any, name: str) -> None:
        self.storage, self.name = storage, name

    def open(self, mode: str) -> Any:
        return self.storage.open(self.name, mode)
