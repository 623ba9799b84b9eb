"""Erasing a person from certification (called by `lms.accounts.erase_person`).

As a candidate, everything about them goes: portfolios with evidence,
self-assessments, submitted versions, the assessments and decisions of those
versions, their audit trail and the files they uploaded. Each credential they
were issued becomes a tombstone (see `IssuedCredential`). As an assessor or a
member of the programme team, their judgements and decisions stay — other
people's certificates rest on them — but no longer point at them.

Why: docs/decisions/0010-erasure-in-certification.md.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from ..models import (
    Assessment,
    AuditAction,
    AuditEvent,
    Decision,
    EvidenceKind,
    EvidenceLink,
    IssuedCredential,
    Portfolio,
    PortfolioVersion,
)
from ..selectors.snapshot import uploads_of
from .audit import log_event

logger = logging.getLogger(__name__)


def erase_personal_data(*, user: Any) -> None:
    """Remove or detach everything certification holds about `user` (inside the
    caller's transaction; stored files go after the commit)."""
    with transaction.atomic():
        files = _stored_files_of(user)
        _tombstone_credentials(user)
        # Cascades: evidence, self-assessments, versions, their assessments with
        # scores and decisions, and the portfolio's audit trail.
        Portfolio.objects.filter(user=user).delete()
        _withdraw_open_allocations(user)
        _detach_judgements(user)
        transaction.on_commit(lambda: _delete_files(files))


def _stored_files_of(user: Any) -> set[str]:
    """Storage names of the person's uploads: linked now, or only named in a
    submitted version (files outlive their links, see `remove_evidence`)."""
    names = set(
        EvidenceLink.objects.filter(portfolio__user=user, kind=EvidenceKind.UPLOAD)
        .exclude(file="")
        .values_list("file", flat=True)
    )
    for snapshot in PortfolioVersion.objects.filter(portfolio__user=user).values_list(
        "snapshot", flat=True
    ):
        names.update(
            str(item["file"])
            for item in uploads_of(snapshot or {})
            if isinstance(item.get("file"), str) and item["file"]
        )
    return names


def _tombstone_credentials(user: Any) -> None:
    # IRREVERSIBLE and deliberate: the one change to an issued credential outside
    # its mutable columns, through update() because `save()` refuses it. Kept:
    # the status-list position, dates and revocation (the list stays correct and
    # the holder's own copy keeps verifying); gone: the holder, the decision, the
    # signed document (name, hashed e-mail) and the free-text revocation note.
    IssuedCredential.objects.filter(user=user).update(
        user=None,
        decision=None,
        document=None,
        revocation_note="",
        reminders_sent=[],
        erased_at=timezone.now(),
    )


def _withdraw_open_allocations(user: Any) -> None:
    """An allocation the person never submitted holds no judgement: withdraw it,
    so the programme team allocates someone else."""
    for assessment in Assessment.objects.filter(
        assessor=user, submitted_at__isnull=True
    ).select_related("version__portfolio"):
        log_event(
            action=AuditAction.ALLOCATION_WITHDRAWN,
            portfolio=assessment.version.portfolio,
            version=assessment.version_id,
            role=assessment.role,
        )
        assessment.delete()


def _detach_judgements(user: Any) -> None:
    """Submitted assessments, decisions, allocations, revocations and audit
    events stay, without the person ("former assessor")."""
    Assessment.objects.filter(assessor=user).update(assessor=None)
    Assessment.objects.filter(allocated_by=user).update(allocated_by=None)
    # update(): decisions and audit events refuse save() once written.
    Decision.objects.filter(decided_by=user).update(decided_by=None)
    IssuedCredential.objects.filter(revoked_by=user).update(revoked_by=None)
    AuditEvent.objects.filter(actor=user).update(actor=None, actor_erased=True)
    for event in AuditEvent.objects.filter(details__assessor=user.pk).only("details"):
        details = {k: v for k, v in event.details.items() if k != "assessor"}
        AuditEvent.objects.filter(pk=event.pk).update(details=details)


def _delete_files(names: set[str]) -> None:
    storage = EvidenceLink._meta.get_field("file").storage
    for name in sorted(names):
        try:
            storage.delete(name)
        except OSError:  # the erasure stands; a leftover file is logged
            logger.exception("could not delete an erased person's file %s", name)
