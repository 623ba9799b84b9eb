"""The lecturer's portfolio: start, link evidence, self-assess, submit."""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.sanitizing import clean_text
from lms.uploads import validate_upload
from lms.xapi.services import record
from trajectories.models import (
    AssignmentRecord,
    AssignmentStatus,
    EnrolmentStatus,
    JournalEntry,
)

from .. import xapi as events
from ..exceptions import EvidenceRefused, InvalidState, NotAllowed, NotEligible
from ..models import (
    EDITABLE,
    AuditAction,
    CertificationScheme,
    Competency,
    EvidenceKind,
    EvidenceLink,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    SelfAssessment,
    SelfLevel,
)
from ..rules.text import plain_text
from ..selectors import eligibility, enrolment_for
from ..selectors.snapshot import build_snapshot
from .audit import log_event

MAX_NOTE_CHARS = 500
MAX_SELF_TEXT_CHARS = 5000
MAX_UPLOADS_PER_PORTFOLIO = 50
MAX_LINKS_PER_COMPETENCY = 30


def start_portfolio(*, user: Any, scheme: CertificationScheme) -> Portfolio:
    """The person's portfolio for the scheme in their current trajectory
    (created on first use; the same one again after that)."""
    if not scheme.is_active:
        raise NotAllowed(_("This certificate is not open for portfolios."))
    enrolment = enrolment_for(user, scheme)
    if enrolment is None:
        raise NotAllowed(
            _("Enrol in a cohort of '%(programme)s' first.")
            % {"programme": scheme.programme.title}
        )
    with transaction.atomic():
        portfolio, created = Portfolio.objects.get_or_create(
            scheme=scheme, enrolment=enrolment, defaults={"user": user}
        )
        if created:
            log_event(
                action=AuditAction.STARTED,
                actor=user,
                portfolio=portfolio,
                scheme=scheme.pk,
            )
    return portfolio


def _editable(user: Any, portfolio: Portfolio) -> None:
    if portfolio.user_id != getattr(user, "pk", None):
        raise NotAllowed(_("Only the lecturer whose portfolio it is can change it."))
    if portfolio.status not in EDITABLE:
        raise InvalidState(
            _("The portfolio is %(status)s; it cannot be changed now.")
            % {"status": portfolio.get_status_display().lower()}
        )


def _competency_of(portfolio: Portfolio, competency: Competency) -> None:
    if competency.framework_id != portfolio.scheme.framework_id:
        raise EvidenceRefused(_("This competency is not part of the certificate."))
    count = EvidenceLink.objects.filter(
        portfolio=portfolio, competency=competency
    ).count()
    if count >= MAX_LINKS_PER_COMPETENCY:
        raise EvidenceRefused(
            _("A competency can have at most %(n)d pieces of evidence.")
            % {"n": MAX_LINKS_PER_COMPETENCY}
        )


def _note(note: str) -> str:
    return plain_text(note, limit=MAX_NOTE_CHARS, field="note")


def link_evidence(
    *,
    user: Any,
    portfolio: Portfolio,
    competency: Competency,
    journal_entry: JournalEntry | None = None,
    assignment_record: AssignmentRecord | None = None,
    note: str = "",
) -> EvidenceLink:
    """Link one of the lecturer's own journal entries or submitted assignment
    records (of the portfolio's trajectory) to a competency."""
    _editable(user, portfolio)
    _competency_of(portfolio, competency)
    if (journal_entry is None) == (assignment_record is None):
        raise EvidenceRefused(_("Choose one journal entry or one assignment."))
    if journal_entry is not None:
        if journal_entry.enrolment_id != portfolio.enrolment_id:
            raise EvidenceRefused(
                _(
                    "Only entries from your own journal in this trajectory can be "
                    "linked."
                )
            )
        link, _created = EvidenceLink.objects.get_or_create(
            portfolio=portfolio,
            competency=competency,
            journal_entry=journal_entry,
            defaults={"kind": EvidenceKind.JOURNAL, "note": _note(note)},
        )
        return link
    assert assignment_record is not None  # noqa: S101 - checked above
    if assignment_record.enrolment_id != portfolio.enrolment_id:
        raise EvidenceRefused(
            _("Only your own assignments in this trajectory can be linked.")
        )
    if assignment_record.status != AssignmentStatus.SUBMITTED:
        raise EvidenceRefused(_("Submit the assignment before linking it."))
    link, _created = EvidenceLink.objects.get_or_create(
        portfolio=portfolio,
        competency=competency,
        assignment_record=assignment_record,
        defaults={"kind": EvidenceKind.ASSIGNMENT, "note": _note(note)},
    )
    return link


def upload_evidence(
    *,
    user: Any,
    portfolio: Portfolio,
    competency: Competency,
    file: Any,
    note: str = "",
) -> EvidenceLink:
    """Store an uploaded file (checked type, size and content) as evidence."""
    _editable(user, portfolio)
    _competency_of(portfolio, competency)
    try:
        validate_upload(file)
    except ValidationError as error:
        raise EvidenceRefused(" ".join(error.messages)) from error
    uploads = EvidenceLink.objects.filter(
        portfolio=portfolio, kind=EvidenceKind.UPLOAD
    ).count()
    if uploads >= MAX_UPLOADS_PER_PORTFOLIO:
        raise EvidenceRefused(
            _("A portfolio can hold at most %(n)d files.")
            % {"n": MAX_UPLOADS_PER_PORTFOLIO}
        )
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    name = PurePath(clean_text(getattr(file, "name", "") or "")).name[-200:]
    return EvidenceLink.objects.create(
        portfolio=portfolio,
        competency=competency,
        kind=EvidenceKind.UPLOAD,
        file=file,
        file_name=name or "file",
        file_size=file.size,
        file_sha256=digest.hexdigest(),
        note=_note(note),
    )


def remove_evidence(*, user: Any, link: EvidenceLink) -> None:
    """Unlink evidence from the draft (an uploaded file stays stored: a version
    submitted earlier may show it)."""
    _editable(user, link.portfolio)
    link.delete()


def save_self_assessment(
    *,
    user: Any,
    portfolio: Portfolio,
    competency: Competency,
    level: str,
    text: str,
) -> SelfAssessment:
    """The lecturer's own level and explanation for one competency."""
    _editable(user, portfolio)
    if competency.framework_id != portfolio.scheme.framework_id:
        raise NotAllowed(_("This competency is not part of the certificate."))
    if level not in SelfLevel.values:
        raise NotAllowed(_("Choose one of the levels."))
    assessment, _created = SelfAssessment.objects.update_or_create(
        portfolio=portfolio,
        competency=competency,
        defaults={
            "level": level,
            "text": plain_text(text, limit=MAX_SELF_TEXT_CHARS, field="text"),
        },
    )
    return assessment


def submit_portfolio(*, user: Any, portfolio: Portfolio) -> PortfolioVersion:
    """Freeze what the portfolio holds now as a new version and hand it in.

    Refused (NotEligible, with the missing list) while a rule of the scheme is
    unmet. A resubmission after "changes requested" is the next version.
    """
    with transaction.atomic():
        portfolio = (
            Portfolio.objects.select_for_update(of=("self",))
            .select_related(
                "scheme__framework", "scheme__programme", "enrolment__cohort", "user"
            )
            .get(pk=portfolio.pk)
        )
        _editable(user, portfolio)
        if portfolio.enrolment.status not in (
            EnrolmentStatus.ENROLLED,
            EnrolmentStatus.COMPLETED,
        ):
            raise NotAllowed(_("You withdrew from this trajectory."))
        found = eligibility(user=user, scheme=portfolio.scheme, portfolio=portfolio)
        if not found.eligible:
            raise NotEligible(
                _("The portfolio cannot be submitted yet."), found.missing
            )
        number = (portfolio.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        now = timezone.now()
        version = PortfolioVersion.objects.create(
            portfolio=portfolio,
            number=number,
            snapshot=build_snapshot(portfolio, number=number),
            submitted_at=now,
        )
        portfolio.status = PortfolioStatus.SUBMITTED
        portfolio.submitted_at = now
        portfolio.save(update_fields=["status", "submitted_at", "updated_at"])
        log_event(
            action=AuditAction.SUBMITTED,
            actor=user,
            portfolio=portfolio,
            version=version.pk,
            number=number,
        )
        record(
            events.portfolio_submitted(
                actor=profile_of(user).xapi_id, portfolio=portfolio, version=version
            )
        )
    return version
