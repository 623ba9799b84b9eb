"""Writes of lms.xapi: recording learning events and storing LRS statements
(`statements`), the one-query insert (`recording`), the forwarding outbox
(`forwarding`) and the monthly counts (`activity`).

Other apps use `record(event)`; the names below stay importable from here."""

from __future__ import annotations

from .statements import create_client, platform_authority, record, store_statements

__all__ = ["create_client", "platform_authority", "record", "store_statements"]
