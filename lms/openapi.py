"""drf-spectacular hooks: publish only Engage PD's own versioned API."""

from __future__ import annotations

from typing import Any


def only_engage_api(
    endpoints: list[tuple[Any, ...]], **kwargs: Any
) -> list[tuple[Any, ...]]:
    # Wagtail's admin API is internal to the admin; it is not part of our contract.
    return [endpoint for endpoint in endpoints if str(endpoint[0]).startswith("/api/v")]
