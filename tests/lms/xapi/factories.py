"""Test data for lms.xapi: LRS clients and statements."""

from __future__ import annotations

import uuid
from typing import Any

from lms.xapi.models import LRSClient
from lms.xapi.services import create_client


def lrs_client(name: str = "H5P", **scopes: bool) -> tuple[LRSClient, str]:
    return create_client(name=name, **scopes)


def statement(
    *,
    statement_id: str | None = None,
    email: str = "ada@example.org",
    verb: str = "http://adlnet.gov/expapi/verbs/completed",
    activity: str = "https://content.example.org/activities/h5p/1",
    **extra: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "actor": {"objectType": "Agent", "mbox": f"mailto:{email}"},
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}},
        "object": {"objectType": "Activity", "id": activity},
        **extra,
    }
    if statement_id is not None:
        data["id"] = statement_id
    return data


def new_id() -> str:
    return str(uuid.uuid4())
