"""Issuing, revoking and re-issuing Open Badges 3.0 credentials.

LOUD: an issued credential is stored exactly as signed and never edited; a
correction (a changed name, a wrong text) is `reissue_credential`: revoke, then
issue a new credential that replaces it.
"""

from __future__ import annotations

import calendar
import secrets
import uuid
from datetime import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.selectors import profile_of
from lms.notifications.services import language_of, notify
from lms.queueing import enqueue
from lms.xapi.services import record

from .. import xapi as events
from ..exceptions import ConflictOfInterest, InvalidState, NotAllowed
from ..models import (
    Decision,
    DecisionOutcome,
    IssuedCredential,
    Portfolio,
    RevocationReason,
)
from ..models.credentials import REVOCATION_NOTE_CHARS
from ..openbadges import documents, proof
from ..openbadges.data import StatusEntryData
from ..openbadges.keys import key_ring_from_settings
from ..permissions import MANAGE_PORTFOLIOS, REVOKE_CERTIFICATE
from ..rules.text import plain_text
from ..selectors.credential_content import Issuance, credential_data
from ..selectors.credentials import awards_without_credential
from .status_lists import allocate_index, set_revoked

MAX_NOTE_CHARS = REVOCATION_NOTE_CHARS
CODE_BYTES = 32  # 43 URL-safe characters: never guessed, never enumerated


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` plus whole months (the 31st becomes the month's last day)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def new_verification_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def _new_identity() -> tuple[uuid.UUID, str]:
    """A fresh credential id and the salt of the holder's hashed e-mail address."""
    return uuid.uuid4(), secrets.token_hex(16)


def _issue(
    *,
    decision: Decision,
    portfolio: Portfolio,
    now: datetime,
    replaces: IssuedCredential | None = None,
) -> IssuedCredential:
    """Build, sign and store a credential (inside the caller's transaction)."""
    user = portfolio.user
    scheme = portfolio.scheme
    key = key_ring_from_settings().active  # no key: nothing is allocated or stored
    status_list, index = allocate_index(now=now)
    valid_from = now.replace(microsecond=0)
    credential_id, salt = _new_identity()
    issuance = Issuance(
        credential_id=credential_id,
        salt=salt,
        language=language_of(user),
        valid_from=valid_from,
        valid_until=add_months(valid_from, scheme.validity_months),
        status=StatusEntryData(status_list.url, index),
    )
    decision.version.portfolio = portfolio
    data = credential_data(decision=decision, user=user, issuance=issuance)
    signed = proof.sign(documents.build_credential(data), key=key, created=valid_from)
    return IssuedCredential.objects.create(
        decision=decision,
        user=user,
        scheme=scheme,
        credential_id=credential_id,
        verification_code=new_verification_code(),
        issued_at=now,
        valid_from=valid_from,
        valid_until=issuance.valid_until,
        status_list=status_list,
        status_index=index,
        document=signed,
        language=issuance.language,
        key_id=key.key_id,
        replaces=replaces,
    )


def _portfolio_of(decision: Decision) -> Portfolio:
    return Portfolio.objects.select_related(
        "user", "scheme__framework", "scheme__programme", "enrolment"
    ).get(versions__decision=decision)


def _notify_issued(credential: IssuedCredential, *, corrected: bool) -> None:
    title = (
        gettext_lazy("Your corrected certificate “{name}” is ready")
        if corrected
        else gettext_lazy("Your certificate “{name}” is ready")
    )
    notify(
        recipient=credential.user,
        kind="certificate-issued",
        title=format_lazy(title, name=credential.name),
        body=gettext_lazy(
            "Download it as PDF or JSON, share its verification page or add it "
            "to your LinkedIn profile."
        ),
        url=reverse("engage_certification:home") + "#certificates",
    )


def issue_credential(
    *, decision: Decision, now: datetime | None = None
) -> IssuedCredential:
    """Issue the signed credential of an award, once: a decision that has one
    already (valid or revoked) gets it back unchanged. Records xAPI `earned`
    unless the decision did, and tells the holder."""
    now = now or timezone.now()
    with transaction.atomic():
        # Serialises two runs of the task for the same decision.
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if locked.outcome != DecisionOutcome.AWARD:
            raise InvalidState(_("Only an award issues a certificate."))
        existing = (
            IssuedCredential.objects.filter(decision=locked).order_by("pk").first()
        )
        if existing is not None:
            return existing
        locked = (
            Decision.objects.select_related("version", "rubric")
            .filter(pk=locked.pk)
            .get()
        )
        portfolio = _portfolio_of(locked)
        credential = _issue(decision=locked, portfolio=portfolio, now=now)
        # `record` is idempotent by statement id: when `decide` recorded the award
        # already, nothing is stored twice.
        record(
            events.certificate_earned(
                actor=profile_of(portfolio.user).xapi_id,
                portfolio=portfolio,
                decision=locked,
            )
        )
        _notify_issued(credential, corrected=False)
    return credential


def _check_programme_team(actor: Any, credential: IssuedCredential) -> None:
    if not actor.has_perm(MANAGE_PORTFOLIOS):
        raise NotAllowed(_("Only the programme team revokes certificates."))
    # Django grants a superuser every rule: a holder is refused all the same.
    if credential.user_id == actor.pk or not actor.has_perm(
        REVOKE_CERTIFICATE, credential
    ):
        raise ConflictOfInterest(
            _("You cannot revoke or correct your own certificate.")
        )


def _revoke(
    *,
    actor: Any,
    credential: IssuedCredential,
    reason: str,
    note: str,
    now: datetime,
) -> IssuedCredential:
    if reason not in RevocationReason.values:
        raise NotAllowed(_("Choose a reason for the revocation."), field="reason")
    text = plain_text(note, limit=MAX_NOTE_CHARS, field="note").strip()
    if not text:
        raise NotAllowed(_("Explain why the certificate is revoked."), field="note")
    credential = (
        IssuedCredential.objects.select_for_update(of=("self",))
        .select_related("scheme__programme", "user", "decision__version")
        .get(pk=credential.pk)
    )
    _check_programme_team(actor, credential)
    if credential.is_revoked:
        raise InvalidState(_("This certificate has been revoked already."))
    credential.revoked_at = now
    credential.revocation_reason = reason
    credential.revocation_note = text
    credential.revoked_by = actor
    credential.save(
        update_fields=[
            "revoked_at",
            "revocation_reason",
            "revocation_note",
            "revoked_by",
        ]
    )
    set_revoked(
        status_list_id=credential.status_list_id,
        index=credential.status_index,
        now=now,
    )
    if credential.decision is None:
        # A tombstone (the holder was erased): no pseudonym to record it for.
        return credential
    portfolio = _portfolio_of(credential.decision)
    record(
        events.credential_revoked(
            actor=profile_of(credential.user).xapi_id,
            credential=credential,
            registration=portfolio.enrolment.registration,
        )
    )
    return credential


def revoke_credential(
    *,
    actor: Any,
    credential: IssuedCredential,
    reason: str,
    note: str,
    now: datetime | None = None,
) -> IssuedCredential:
    """The programme team revokes a credential with a reason (a category) and an
    explanation shown on the verification page: flips its status-list bit,
    re-signs the list, records xAPI and tells the holder. The credential of an
    erased holder can be revoked too (only the bit flips)."""
    now = now or timezone.now()
    with transaction.atomic():
        credential = _revoke(
            actor=actor, credential=credential, reason=reason, note=note, now=now
        )
        if credential.user is None:
            return credential
        notify(
            recipient=credential.user,
            kind="certificate-revoked",
            title=format_lazy(
                gettext_lazy("Your certificate “{name}” was revoked"),
                name=credential.name,
            ),
            body=credential.revocation_note,
            url=reverse("engage_certification:home") + "#certificates",
        )
    return credential


def reissue_credential(
    *,
    actor: Any,
    credential: IssuedCredential,
    note: str,
    now: datetime | None = None,
) -> IssuedCredential:
    """A correction (e.g. the holder's name changed): revoke the credential as
    "corrected" and issue a new one for the same decision, with today's name and
    language, that replaces it. Returns the new credential."""
    now = now or timezone.now()
    with transaction.atomic():
        old = _revoke(
            actor=actor,
            credential=credential,
            reason=RevocationReason.CORRECTION,
            note=note,
            now=now,
        )
        if old.decision_id is None:  # rolls the revocation back with it
            raise InvalidState(
                _(
                    "The holder's data was erased: there is nobody to issue a "
                    "corrected certificate to."
                )
            )
        decision = (
            Decision.objects.select_related("version", "rubric")
            .filter(pk=old.decision_id)
            .get()
        )
        new = _issue(
            decision=decision,
            portfolio=_portfolio_of(decision),
            now=now,
            replaces=old,
        )
        _notify_issued(new, corrected=True)
    return new


def enqueue_pending_credentials() -> int:
    """Enqueue the issuing of every award that has no credential yet (a lost
    task, a broker that was down at the decision); safe to run at any time."""
    ids = awards_without_credential()
    for decision_id in ids:
        enqueue("certification.tasks.issue_credential", decision_id)
    return len(ids)
