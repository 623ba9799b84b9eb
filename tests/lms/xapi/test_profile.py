"""The xAPI profile served by the site is generated from the vocabulary."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from lms.xapi.vocabulary import Verbs, all_concepts

pytestmark = pytest.mark.django_db


@override_settings(ENGAGE_XAPI_IRI_BASE="https://pd.example.edu")
def test_profile_lists_every_own_concept_and_a_template_per_verb() -> None:
    response = Client().get("/xapi/profile")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    profile = response.json()
    assert profile["id"] == "https://pd.example.edu/xapi/profile"
    assert profile["conformsTo"] == "https://w3id.org/xapi/profiles#1.0"
    own = {c.iri for c in all_concepts() if c.is_own}
    assert {c["id"] for c in profile["concepts"]} == own
    assert all(iri.startswith("https://pd.example.edu/xapi/vocab/") for iri in own)
    template_verbs = {t["verb"] for t in profile["templates"]}
    assert Verbs.ATTENDED.iri in template_verbs  # reused ADL verb is declared
    assert Verbs.SUBMITTED_REFLECTION.iri in template_verbs


def test_concept_iris_are_unique() -> None:
    iris = [c.iri for c in all_concepts()]
    assert len(iris) == len(set(iris))


def test_the_published_version_names_exactly_these_concepts() -> None:
    """A profile version, once published, never changes: adding, removing or
    renaming a concept needs a new PROFILE_VERSION (and GENERATED_AT), then this
    golden file written anew from the vocabulary."""
    import json
    from pathlib import Path

    from lms.xapi.rules.profile import PROFILE_VERSION

    golden = json.loads(
        (Path(__file__).parent / "golden" / "profile_concepts.json").read_text()
    )
    current = sorted(f"{c.kind}:{c.key}:{c.external_iri}" for c in all_concepts())
    if golden["version"] == PROFILE_VERSION:
        assert current == golden["concepts"], (
            "The vocabulary changed: bump PROFILE_VERSION and GENERATED_AT in "
            "lms/xapi/profile.py, then rewrite golden/profile_concepts.json."
        )
    else:
        assert current != golden["concepts"], "A new version without a change."
        pytest.fail("Rewrite golden/profile_concepts.json for the new version.")
