"""Credential pages and documents: the public verification page and the documents
verifiers fetch (no login), the holder's downloads, and revocation by the
programme team. Parse input, call one service or selector, shape output.

Anything that is not the person's own is "not found" (404), never "forbidden".
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from lms.accounts.access import ensure, public, requires, requires_object

from .. import services
from ..conf import certification_settings
from ..forms import ReissueForm, RevokeForm, VerifyForm
from ..models import IssuedCredential
from ..openbadges import documents
from ..openbadges.data import VerificationResult, VerificationStatus
from ..openbadges.keys import DID_WEB_PREFIX, key_ring_from_settings
from ..openbadges.verification import MAX_CREDENTIAL_BYTES
from ..permissions import DOWNLOAD_CERTIFICATE, MANAGE_PORTFOLIOS
from ..rules.credential_claims import read_claims
from ..selectors import credentials as selectors
from ..selectors.certificate_files import (
    build_bundle,
    build_certificate_pdf,
    json_bytes,
)
from ..selectors.credential_content import issuer_profile
from .actions import Action, perform

JSON_LD = "application/ld+json"
# A request body this large cannot hold a credential we would accept.
MAX_VERIFY_BODY = 2 * MAX_CREDENTIAL_BYTES + 64 * 1024


def _public_json(
    document: dict[str, Any], *, max_age: int, content_type: str = JSON_LD
) -> JsonResponse:
    response = JsonResponse(
        document, content_type=content_type, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = f"public, max-age={max_age}"
    # Web verifiers fetch these from other origins; they hold nothing private.
    response["Access-Control-Allow-Origin"] = "*"
    return response


# --- documents verifiers fetch --------------------------------------------------------


@public
@require_safe
def issuer(request: HttpRequest) -> HttpResponse:
    """The issuer Profile (at the issuer id when it is this site's URL)."""
    return _public_json(
        documents.build_issuer_profile(issuer_profile(), key_ring_from_settings()),
        max_age=3600,
    )


@public
@require_safe
def issuer_key(request: HttpRequest, key_id: str) -> HttpResponse:
    """One key of the ring as a Multikey document; rotated-out keys stay here."""
    key = key_ring_from_settings().get(key_id)
    if key is None:
        raise Http404
    return _public_json(
        documents.build_verification_key_document(
            key, certification_settings.issuer_id
        ),
        max_age=3600,
    )


@public
@require_safe
def did_document(request: HttpRequest) -> HttpResponse:
    """The DID document of a `did:web:<host>` issuer, listing every key."""
    issuer_id = certification_settings.issuer_id
    if not issuer_id.startswith(DID_WEB_PREFIX) or ":" in issuer_id[8:]:
        raise Http404
    return _public_json(
        documents.build_did_web_document(issuer_id, key_ring_from_settings()),
        max_age=3600,
        content_type="application/did+ld+json",
    )


@public
@require_safe
def status_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed BitstringStatusListCredential (re-signed whenever a bit flips)."""
    document = selectors.status_list_document(pk)
    if document is None:
        raise Http404
    max_age = selectors.status_list_cache_seconds(document, now=timezone.now())
    response = _public_json(document, max_age=max_age)
    if max_age == 0:
        # Past its validUntil (beat has not re-signed it): nobody keeps this copy.
        response["Cache-Control"] = "no-store"
    return response


# --- public verification --------------------------------------------------------------


def _no_index(response: HttpResponse) -> HttpResponse:
    # The holder shares the link; search engines need not list their name.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-cache"
    return response


def _erased_json() -> HttpResponse:
    response = JsonResponse(
        {
            "error": "erased",
            "detail": _(
                "The record of this certificate was erased at the holder's request."
            ),
        },
        status=410,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@public
@require_safe
def credential_json(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.credential_by_code(code)
    if found is None:
        raise Http404
    if found.document is None:  # a tombstone: the holder was erased
        return _no_index(_erased_json())
    response = _public_json(found.document, max_age=0)
    response["Content-Disposition"] = 'inline; filename="certificate.json"'
    return _no_index(response)


def _verdict(
    result: VerificationResult | None, stored: IssuedCredential | None
) -> dict[str, Any]:
    if result is None:
        return {"state": "not_found"}
    authentic = result.status is not VerificationStatus.INVALID
    return {
        "state": result.status.value,
        "result": result,
        "claims": read_claims(result.credential) if authentic else None,
        "stored": stored,
    }


@public
@require_safe
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """The public page of one credential: every claim and one clear status
    (410 Gone, with no claim, once the holder's data was erased)."""
    found = selectors.credential_by_code(code)
    if found is not None and found.is_erased:
        context: dict[str, Any] = {"code": code, "state": "erased"}
        status = 410
    else:
        result = selectors.verify_stored(found) if found is not None else None
        context = {"code": code, **_verdict(result, found)}
        status = 200 if found is not None else 404
    response = render(
        request, "engage_certification/verify.html", context, status=status
    )
    return _no_index(response)


def _too_many_checks(request: HttpRequest) -> bool:
    limit = certification_settings.verify_per_minute
    if limit <= 0:
        return False
    key = f"engage-cert-verify:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:
        return False
    return count > limit


def _verify_form(request: HttpRequest) -> tuple[VerifyForm | None, str]:
    """The bound form, or why the request cannot hold a credential."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_VERIFY_BODY:
        return None, _("This is far larger than a credential: it was not read.")
    try:
        return VerifyForm(request.POST, request.FILES), ""
    except (RequestDataTooBig, TooManyFieldsSent):
        return None, _("This is far larger than a credential: it was not read.")


# No CSRF token: checking a credential changes nothing and needs no login, and the
# size of the body is judged here before anything reads it.
@public
@csrf_exempt
def verify_upload(request: HttpRequest) -> HttpResponse:
    """Anyone pastes or uploads a credential and gets the same verdict."""
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    context: dict[str, Any] = {"form": VerifyForm()}
    status = 200
    if request.method == "POST":
        form, problem = _verify_form(request)
        if form is None:
            context["problem"], status = problem, 413
        elif _too_many_checks(request):
            context["form"] = form
            context["problem"] = _(
                "You checked many credentials in a short time; wait a minute and "
                "try again."
            )
            status = 429
        elif not form.is_valid():
            context["form"], status = form, 400
        else:
            result, stored = selectors.verify_text(form.text())
            context.update(form=form, checked=True, **_verdict(result, stored))
    return _no_index(
        render(
            request, "engage_certification/verify_upload.html", context, status=status
        )
    )


# --- the holder's downloads -----------------------------------------------------------


def _own(request: HttpRequest, pk: int) -> IssuedCredential:
    found = selectors.credential_by_pk(pk)
    if found is None:
        raise Http404
    ensure(request.user, DOWNLOAD_CERTIFICATE, found)
    return found


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _file_stem(credential: IssuedCredential) -> str:
    return slugify(credential.name)[:60] or "certificate"


@requires_object(DOWNLOAD_CERTIFICATE)
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own(request, pk)
    return _download(
        build_certificate_pdf(found), "application/pdf", f"{_file_stem(found)}.pdf"
    )


@requires_object(DOWNLOAD_CERTIFICATE)
def certificate_json(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own(request, pk)
    return _download(json_bytes(found), JSON_LD, f"{_file_stem(found)}.json")


@requires_object(DOWNLOAD_CERTIFICATE)
def certificate_bundle(request: HttpRequest, pk: int) -> HttpResponse:
    found = _own(request, pk)
    return _download(build_bundle(found), "application/zip", f"{_file_stem(found)}.zip")


# --- the programme team ---------------------------------------------------------------


@requires(MANAGE_PORTFOLIOS, hide=True)
def manage_certificates(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    page = Paginator(selectors.credentials_for_admin(state=state), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "engage_certification/manage_certificates.html",
        {"page_obj": page, "state": state},
    )


@requires(MANAGE_PORTFOLIOS, hide=True)
def manage_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.credential_for_admin(pk)
    if found is None:
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    revoke_form = RevokeForm(request.POST if action == "revoke" else None)
    reissue_form = ReissueForm(request.POST if action == "reissue" else None)
    status = 200
    if request.method == "POST":
        done = _manage_action(request, found, action, revoke_form, reissue_form)
        if done is not None:
            return done
        status = 400
    return render(
        request,
        "engage_certification/manage_certificate.html",
        {
            "credential": found,
            "claims": read_claims(found.document),
            "state": found.state(),
            "verification_url": selectors.verification_url(found),
            "revoke_form": revoke_form,
            "reissue_form": reissue_form,
        },
        status=status,
    )


def _manage_action(
    request: HttpRequest,
    found: IssuedCredential,
    action: str,
    revoke_form: RevokeForm,
    reissue_form: ReissueForm,
) -> HttpResponse | None:
    done = perform(
        request,
        action,
        {
            "revoke": Action(
                revoke_form,
                lambda data: services.revoke_credential(
                    actor=request.user,
                    credential=found,
                    reason=data["reason"],
                    note=data["note"],
                ),
                _("The certificate is revoked."),
            ),
            "reissue": Action(
                reissue_form,
                lambda data: services.reissue_credential(
                    actor=request.user, credential=found, note=data["note"]
                ),
                _("The certificate is revoked as corrected; the new one is issued."),
            ),
        },
    )
    if done is None:
        return None
    shown = done.result if action == "reissue" else found
    return redirect("engage_certification:manage_certificate", pk=shown.pk)
