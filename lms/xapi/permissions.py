"""The access rules of lms.xapi, asked through `user.has_perm`.

The LRS endpoints themselves are not people's doors: LRS clients authenticate
by HTTP Basic with their own credentials and scopes (`views/protocol.py`).
"""

from __future__ import annotations

from typing import Any

from lms.accounts.permissions import register_rule

MANAGE_FORWARDING = "engage_xapi.manage_forwarding"


def can_manage_forwarding(user: Any) -> bool:
    """Whoever may change the forwarding destinations (programme admins) sees
    the outbox's health and replays its dead letters."""
    return bool(user.has_perm("engage_xapi.change_destination"))


def register_rules() -> None:
    register_rule(MANAGE_FORWARDING, can_manage_forwarding)
