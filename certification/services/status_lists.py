"""Revocation status lists: allocating an index, flipping a bit, signing the list.

An index is never handed out twice: a list's `next_free` counts the positions
taken, and position n gets index `permuted_index(key, n, size)` — a keyed
pseudo-random permutation of 0…size-1 (a small Feistel network with cycle
walking). Credentials issued one after the other therefore sit at unrelated
indexes, so a list reveals nothing about who was issued when.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from ..conf import certification_settings
from ..models import StatusList, StatusPurpose
from ..openbadges import documents, proof
from ..openbadges.data import StatusListData
from ..openbadges.keys import IssuingKey, key_ring_from_settings
from ..openbadges.status_list import Bitstring
from ..selectors.credential_content import issuer_profile

_ROUNDS = 4


def permuted_index(key: str, position: int, size: int) -> int:
    """The index at `position` of the keyed permutation of range(size)."""
    if not 0 <= position < size:
        raise ValueError("The position is outside the list.")
    bits = max(2, (size - 1).bit_length())
    bits += bits % 2  # two equal halves
    half = bits // 2
    mask = (1 << half) - 1
    secret = bytes.fromhex(key)
    value = position
    while True:  # cycle walking: at most a few steps, as size > 2**(bits - 2)
        left, right = value >> half, value & mask
        for round_number in range(_ROUNDS):
            digest = hmac.new(
                secret, f"{round_number}:{right}".encode(), hashlib.sha256
            ).digest()
            left, right = right, left ^ (int.from_bytes(digest[:4], "big") & mask)
        value = (left << half) | right
        if value < size:
            return value


def sign_status_list(
    status_list: StatusList, *, key: IssuingKey, now: datetime
) -> None:
    """Sign the list's current bits into its BitstringStatusListCredential, valid
    for `ENGAGE_CERTIFICATION_STATUS_LIST_HOURS` (beat re-signs it in time)."""
    bits = Bitstring(status_list.size, bytes(status_list.bits))
    set_indexes = frozenset(
        index for index in _set_indexes(bits.to_bytes()) if index < status_list.size
    )
    data = StatusListData(
        id=status_list.url,
        issuer=issuer_profile(),
        valid_from=now,
        valid_until=now + certification_settings.status_list_validity,
        set_indexes=set_indexes,
        length=status_list.size,
        purpose=status_list.purpose,
    )
    status_list.document = proof.sign(
        documents.build_status_list_credential(data), key=key, created=now
    )
    status_list.signed_at = now
    status_list.key_id = key.key_id


def _set_indexes(raw: bytes) -> list[int]:
    """Indexes of the set bits (index 0 is the left-most bit of the first byte)."""
    found: list[int] = []
    for byte_number, byte in enumerate(raw):
        if byte:
            found.extend(
                byte_number * 8 + bit for bit in range(8) if byte & (0x80 >> bit)
            )
    return found


def create_status_list(*, now: datetime | None = None) -> StatusList:
    """A new, empty, signed revocation list (call inside a transaction)."""
    now = now or timezone.now()
    key = key_ring_from_settings().active
    size = StatusList._meta.get_field("size").get_default()
    status_list = StatusList.objects.create(
        purpose=StatusPurpose.REVOCATION,
        size=size,
        bits=bytes(size // 8),
        permutation_key=secrets.token_hex(32),
    )
    status_list.url = certification_settings.site_url + reverse(
        "engage_certification:status_list", args=[status_list.pk]
    )
    sign_status_list(status_list, key=key, now=now)
    status_list.save()
    return status_list


def allocate_index(*, now: datetime | None = None) -> tuple[StatusList, int]:
    """A fresh index on a revocation list with room (a new list when all are full).

    Call inside the caller's transaction: the list row stays locked until it ends,
    so two issuers never take the same position.
    """
    status_list = (
        StatusList.objects.select_for_update()
        .filter(purpose=StatusPurpose.REVOCATION)
        .exclude(url="")
        .order_by("-pk")
        .first()
    )
    if status_list is None or status_list.is_full:
        status_list = create_status_list(now=now)
        status_list = StatusList.objects.select_for_update().get(pk=status_list.pk)
    index = permuted_index(
        status_list.permutation_key, status_list.next_free, status_list.size
    )
    status_list.next_free += 1
    status_list.save(update_fields=["next_free"])
    return status_list, index


def set_revoked(
    *, status_list_id: int, index: int, now: datetime | None = None
) -> StatusList:
    """Set the revocation bit at `index` and re-sign the list (locks the list)."""
    now = now or timezone.now()
    with transaction.atomic():
        status_list = StatusList.objects.select_for_update().get(pk=status_list_id)
        bits = Bitstring(status_list.size, bytes(status_list.bits))
        if not bits.get(index):
            bits.set(index)
            status_list.bits = bits.to_bytes()
            sign_status_list(status_list, key=key_ring_from_settings().active, now=now)
            status_list.save(update_fields=["bits", "document", "signed_at", "key_id"])
    return status_list


def lists_to_refresh(*, now: datetime) -> list[int]:
    """Ids of the lists to re-sign: half their validity has passed, or the key
    that signed them is no longer the active one (a rotation)."""
    half = certification_settings.status_list_validity / 2
    active = key_ring_from_settings().active.key_id
    return list(
        StatusList.objects.exclude(url="")
        .filter(
            models.Q(signed_at__isnull=True)
            | models.Q(signed_at__lte=now - half)
            | ~models.Q(key_id=active)
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def refresh_status_lists(*, now: datetime | None = None) -> int:
    """Re-sign every list that would expire before the next run or was signed by
    a rotated-out key (beat: hourly); returns how many were re-signed.

    Each list in its own transaction, locked and checked again, so a revocation
    or a second beat run at the same time re-signs it at most once more.
    """
    now = now or timezone.now()
    key = key_ring_from_settings().active
    half = certification_settings.status_list_validity / 2
    signed = 0
    for list_id in lists_to_refresh(now=now):
        with transaction.atomic():
            status_list = StatusList.objects.select_for_update().get(pk=list_id)
            fresh = status_list.signed_at is not None and (
                status_list.signed_at > now - half
            )
            if fresh and status_list.key_id == key.key_id:
                continue
            sign_status_list(status_list, key=key, now=now)
            status_list.save(update_fields=["document", "signed_at", "key_id"])
            signed += 1
    return signed
