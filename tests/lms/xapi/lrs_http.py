"""A thin xAPI client on Django's test client, for any LRS resource."""

from __future__ import annotations

import base64
import json
from typing import Any

from django.test import Client

from tests.lms.xapi.factories import lrs_client


class Lrs:
    def __init__(self, key: str, secret: str, version: str | None = "1.0.3") -> None:
        self.client = Client()
        token = base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.headers: dict[str, str] = {"Authorization": f"Basic {token}"}
        if version is not None:
            self.headers["X-Experience-API-Version"] = version

    @classmethod
    def new(cls, name: str = "H5P", **scopes: bool) -> Lrs:
        client, secret = lrs_client(name, **scopes)
        return cls(client.key, secret)

    def post_statements(self, body: Any) -> Any:
        return self.client.post(
            "/xapi/statements",
            json.dumps(body),
            content_type="application/json",
            headers=self.headers,
        )

    def get(self, path: str, **params: str) -> Any:
        return self.client.get(path, params, headers=self.headers)

    def head(self, path: str, **params: str) -> Any:
        return self.client.head(path, params, headers=self.headers)
