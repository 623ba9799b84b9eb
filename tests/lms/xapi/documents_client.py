"""An LRS client for the Document resources in tests: the Django test client
with credentials, the version header and parameters in the query string."""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlencode

from django.test import Client

from tests.lms.xapi.factories import lrs_client

ACTIVITY = "https://content.example.org/activities/h5p/1"
AGENT = {"objectType": "Agent", "mbox": "mailto:ada@example.org"}
REGISTRATION = "9e3f3f8a-2b51-4d0e-9a55-0c6d2f1b7a11"


def state_params(**extra: Any) -> dict[str, Any]:
    return {"activityId": ACTIVITY, "agent": json.dumps(AGENT), **extra}


class Docs:
    """Requests to /xapi/<resource> as one LRS client."""

    def __init__(self, name: str = "H5P", **scopes: bool) -> None:
        client, secret = lrs_client(name, **scopes)
        token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
        self.authorization = f"Basic {token}"
        self.headers = {
            "Authorization": self.authorization,
            "X-Experience-API-Version": "1.0.3",
        }
        self.client = Client()

    def request(
        self,
        method: str,
        resource: str,
        params: dict[str, Any],
        body: bytes | str | dict[str, Any] = b"",
        *,
        content_type: str = "application/json",
        **headers: str,
    ) -> Any:
        if isinstance(body, dict):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode("utf-8")
        return self.client.generic(
            method,
            f"/xapi/{resource}?{urlencode(params)}",
            body,
            content_type=content_type,
            headers={
                **self.headers,
                **{k.replace("_", "-"): v for k, v in headers.items()},
            },
        )

    def get(self, resource: str, params: dict[str, Any], **headers: str) -> Any:
        return self.request("GET", resource, params, **headers)

    def head(self, resource: str, params: dict[str, Any]) -> Any:
        return self.request("HEAD", resource, params)

    def put(self, resource: str, params: dict[str, Any], body: Any, **kw: Any) -> Any:
        return self.request("PUT", resource, params, body, **kw)

    def post(self, resource: str, params: dict[str, Any], body: Any, **kw: Any) -> Any:
        return self.request("POST", resource, params, body, **kw)

    def delete(self, resource: str, params: dict[str, Any], **headers: str) -> Any:
        return self.request("DELETE", resource, params, **headers)
