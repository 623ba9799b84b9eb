"""Issued Open Badges 3.0 credentials and the revocation status lists they point to.

LOUD: an issued credential's signed document is the record. It is stored exactly as
signed and never edited or rebuilt; a correction is revoke + re-issue
(`services.reissue_credential`). Only the revocation and reminder columns of a row
ever change after it is written.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .assessment import Decision
from .portfolios import ImmutableRow
from .schemes import CertificationScheme

MIN_STATUS_LIST_SIZE = 131_072


# The longest explanation of a revocation (the form, the service and the field).
REVOCATION_NOTE_CHARS = 1000


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", _("Revocation")


class StatusList(models.Model):
    """One W3C Bitstring Status List: the bits, and its signed credential.

    Positions are handed out in the order of a keyed pseudo-random permutation
    (`services.status_lists`): `next_free` counts the positions taken, so an index
    is never given twice, and neighbouring credentials get unrelated indexes.
    """

    purpose = models.CharField(
        max_length=20, choices=StatusPurpose.choices, default=StatusPurpose.REVOCATION
    )
    # The list credential's id as written into credentials (set once, never changed).
    url = models.CharField(max_length=500, blank=True, db_index=True)
    size = models.PositiveIntegerField(
        default=MIN_STATUS_LIST_SIZE,
        validators=[MinValueValidator(MIN_STATUS_LIST_SIZE)],
    )
    bits = models.BinaryField(editable=False)
    next_free = models.PositiveIntegerField(default=0)
    # Secret of the index permutation (hex); never published.
    permutation_key = models.CharField(max_length=64, editable=False)
    document = models.JSONField(null=True, blank=True, editable=False)
    signed_at = models.DateTimeField(null=True, blank=True)
    key_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(size__gte=MIN_STATUS_LIST_SIZE),
                name="engage_cert_status_list_size",
            ),
            models.CheckConstraint(
                condition=models.Q(next_free__lte=models.F("size")),
                name="engage_cert_status_list_next_free",
            ),
        ]

    def __str__(self) -> str:
        return self.url or f"status list {self.pk}"

    @property
    def is_full(self) -> bool:
        return self.next_free >= self.size


class RevocationReason(models.TextChoices):
    """Why a credential was revoked: a category (it goes into xAPI, free text never)."""

    CORRECTION = "correction", _("Corrected: replaced by a new credential")
    ISSUED_IN_ERROR = "issued_in_error", _("Issued in error")
    MISCONDUCT = "misconduct", _("Academic misconduct")
    HOLDER_REQUEST = "holder_request", _("Withdrawn at the holder's request")
    OTHER = "other", _("Other")


class CredentialState(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


# What may change on an issued credential after it is written.
MUTABLE_FIELDS = frozenset(
    {
        "revoked_at",
        "revocation_reason",
        "revocation_note",
        "revoked_by",
        "reminders_sent",
    }
)


class IssuedCredential(models.Model):
    """A signed OpenBadgeCredential issued to the holder of an awarded decision.

    When the holder is erased the row stays as a tombstone (`erased_at` set; no
    holder, decision or document): its status-list position, dates and
    revocation keep the status list and the holder's own copy verifiable, and the
    verification page answers "erased at the holder's request" (docs/decisions/
    0010-erasure-in-certification.md).
    """

    # RESTRICT: a decision goes only with its holder; erasure detaches the
    # credential first (services.erasure).
    decision = models.ForeignKey(
        Decision,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="credentials",
    )
    # PROTECT: a holder is erased only through `erase_person`, which keeps a
    # tombstone instead of deleting the row (a plain delete would drop the
    # revocation history of a credential still in someone's wallet).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certification_credentials",
    )
    scheme = models.ForeignKey(
        CertificationScheme, on_delete=models.PROTECT, related_name="credentials"
    )
    # urn:uuid:… in the document.
    credential_id = models.UUIDField(unique=True, editable=False)
    # The public URL's secret: long, random, never derived from anything.
    verification_code = models.CharField(max_length=64, unique=True, editable=False)
    issued_at = models.DateTimeField(editable=False)
    valid_from = models.DateTimeField(editable=False)
    valid_until = models.DateTimeField(null=True, blank=True, editable=False)
    status_list = models.ForeignKey(
        StatusList, on_delete=models.PROTECT, related_name="credentials"
    )
    status_index = models.PositiveIntegerField(editable=False)
    # IRREVERSIBLE: exactly what was signed; never edited, never rebuilt. None
    # only on a tombstone (the holder was erased).
    document = models.JSONField(null=True, blank=True, editable=False)
    language = models.CharField(max_length=8, editable=False)
    key_id = models.CharField(max_length=64, editable=False)
    replaces = models.OneToOneField(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="replaced_by",
        editable=False,
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(
        _("reason"), max_length=20, choices=RevocationReason.choices, blank=True
    )
    revocation_note = models.TextField(
        _("explanation"), max_length=REVOCATION_NOTE_CHARS, blank=True
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The expiry reminders sent, as days before `valid_until` (e.g. [60, 14]).
    reminders_sent = models.JSONField(default=list, blank=True)
    # When the holder's data was erased (the row is a tombstone from then on).
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"],
                name="engage_cert_status_index_once",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True)
                | ~models.Q(revocation_reason=""),
                name="engage_cert_revocation_has_reason",
            ),
            # Either a live credential with its holder and signed document, or
            # a tombstone with neither.
            models.CheckConstraint(
                condition=models.Q(
                    erased_at__isnull=True,
                    user__isnull=False,
                    decision__isnull=False,
                    document__isnull=False,
                )
                | models.Q(
                    erased_at__isnull=False,
                    user__isnull=True,
                    decision__isnull=True,
                    document__isnull=True,
                ),
                name="engage_cert_credential_or_tombstone",
            ),
        ]
        indexes = [models.Index(fields=["valid_until"], name="engage_cert_valid_until")]

    def __str__(self) -> str:
        return f"credential {self.credential_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # IRREVERSIBLE: the signed document and everything it states never change.
        if not self._state.adding:
            changed = set(kwargs.get("update_fields") or ())
            if not changed or not changed <= MUTABLE_FIELDS:
                raise ImmutableRow(
                    "An issued credential cannot be edited; revoke and re-issue it."
                )
        super().save(*args, **kwargs)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_erased(self) -> bool:
        """A tombstone: the holder's data was erased."""
        return self.erased_at is not None

    def state(self, now: Any = None) -> CredentialState:
        """Revoked, expired or valid from the stored facts (the pages that show
        one credential verify the signature as well)."""
        if self.revoked_at is not None:
            return CredentialState.REVOKED
        if self.valid_until is not None and (now or timezone.now()) >= self.valid_until:
            return CredentialState.EXPIRED
        return CredentialState.VALID

    @property
    def name(self) -> str:
        """The credential's name as signed (in the holder's language); "" for a
        tombstone."""
        if not isinstance(self.document, dict):
            return ""
        return str(self.document.get("name", ""))
