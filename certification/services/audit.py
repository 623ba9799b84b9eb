"""The audit trail: one immutable row per step of the certification process."""

from __future__ import annotations

from typing import Any

from ..models import AuditEvent, Portfolio


def log_event(
    *,
    action: str,
    actor: Any = None,
    portfolio: Portfolio | None = None,
    **details: Any,
) -> AuditEvent:
    """Record who did `action` (an AuditAction) when, with ids/roles/outcomes in
    `details` — never scores or free text."""
    return AuditEvent.objects.create(
        portfolio=portfolio,
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        details=details,
    )
