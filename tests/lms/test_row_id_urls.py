"""An id in a URL past what the database holds is "not found", never a 500.

Schemathesis sent /api/v1/practices/12395693328121649369468648976023552/ and got
OverflowError ("Python int too large to convert to SQLite INTEGER"): Django's
`<int:>` takes any number of digits. Every app's URLs use `<id:>` now
(lms/converters.py), at most 18 digits, and the schema says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db

HUGE = "1" + "0" * 30
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/practices/{HUGE}/",
        f"/api/v1/journal-entries/{HUGE}/",
        f"/journal/{HUGE}/edit/",
        f"/practices/reviews/{HUGE}/",
        f"/coach/cohorts/{HUGE}/",
        f"/certification/assessments/{HUGE}/",
    ],
)
def test_a_huge_id_is_not_found(
    client_for: Any, programme_admin: Any, path: str
) -> None:
    response = client_for(programme_admin).get(path)
    assert response.status_code == 404


def test_the_largest_row_id_still_resolves_and_reverses(
    client_for: Any, lecturer: Any
) -> None:
    largest = 10**18 - 1
    assert reverse("engage_trajectories:entry_edit", args=[largest]).endswith(
        f"/{largest}/edit/"
    )
    assert client_for(lecturer).get(f"/journal/{largest}/edit/").status_code == 404


def test_the_schema_bounds_path_ids() -> None:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    ids = [
        parameter["schema"]
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "path"
    ]
    assert ids, "no path parameters found"
    assert all(
        p == {"type": "integer", "minimum": 0, "maximum": 10**18 - 1} for p in ids
    )


def test_no_app_url_uses_the_unbounded_int_converter() -> None:
    apps = (
        "lms",
        "courses",
        "trajectories",
        "certification",
        "practices_db",
        "frontend",
    )
    found = [
        str(path.relative_to(ROOT))
        for app in apps
        for path in (ROOT / app).rglob("*.py")
        if "<int:" in path.read_text()
    ]
    assert found == []
