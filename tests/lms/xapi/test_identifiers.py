"""The irreversible identifiers (activity IRIs, statement ids) have one builder,
held to a golden file: a changed identifier splits every activity's history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lms.xapi.builder import activity_iri, statement_id

GOLDEN = json.loads((Path(__file__).parent / "golden" / "identifiers.json").read_text())
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _site(settings) -> None:
    settings.ENGAGE_XAPI_IRI_BASE = GOLDEN["site"]


@pytest.mark.parametrize("key", sorted(GOLDEN["activity_iris"]))
def test_activity_iris_keep_their_format(key: str) -> None:
    kind, _, rest = key.partition("/")
    assert activity_iri(kind, rest) == GOLDEN["activity_iris"][key]


@pytest.mark.parametrize("identity", sorted(GOLDEN["statement_ids"]))
def test_statement_ids_keep_their_value(identity: str) -> None:
    assert str(statement_id(identity)) == GOLDEN["statement_ids"][identity]


def test_no_app_assembles_an_activity_iri_itself() -> None:
    """Only lms.xapi.builder writes '/xapi/activities/': every app asks it."""
    apps = (
        "lms",
        "courses",
        "trajectories",
        "certification",
        "practices_db",
        "frontend",
    )
    offenders = [
        path.relative_to(ROOT).as_posix()
        for app in apps
        for path in (ROOT / app).rglob("*.py")
        if "xapi/activities/" in path.read_text()
        and path.relative_to(ROOT).as_posix() != "lms/xapi/builder.py"
    ]
    assert offenders == []
