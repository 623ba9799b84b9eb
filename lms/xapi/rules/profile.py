"""The xAPI Profile (JSON-LD) of Engage PD, generated from the vocabulary."""

from __future__ import annotations

from typing import Any

from ..conf import xapi_settings
from ..vocabulary import Concept, Kind, all_concepts, vocabulary_base

PROFILE_VERSION = "1.0.0"
GENERATED_AT = "2026-11-28T00:00:00Z"  # bump with PROFILE_VERSION


def profile_iri() -> str:
    return f"{xapi_settings.site_iri}/xapi/profile"


def _concept(concept: Concept, version_iri: str) -> dict[str, Any]:
    return {
        "id": concept.iri,
        "type": str(concept.kind),
        "inScheme": version_iri,
        "prefLabel": concept.display(),
        "definition": {"en": concept.definition_en},
    }


def _template(concept: Concept, version_iri: str) -> dict[str, Any]:
    """A Statement Template per verb, so reused (ADL) verbs are declared too."""
    return {
        "id": f"{vocabulary_base()}/templates/{concept.key}",
        "type": "StatementTemplate",
        "inScheme": version_iri,
        "prefLabel": {"en": f"Statement: {concept.label_en}"},
        "definition": {"en": concept.definition_en},
        "verb": concept.iri,
    }


def build_profile() -> dict[str, Any]:
    """The profile document served at /xapi/profile."""
    iri = profile_iri()
    version_iri = f"{iri}/v{PROFILE_VERSION}"
    concepts = all_concepts()
    return {
        "@context": "https://w3id.org/xapi/profiles/context",
        "id": iri,
        "type": "Profile",
        "conformsTo": "https://w3id.org/xapi/profiles#1.0",
        "prefLabel": {"en": f"{xapi_settings.platform} xAPI profile"},
        "definition": {
            "en": "Verbs, activity types and extensions used by Engage PD for "
            "reflective professional-development trajectories of lecturers."
        },
        "author": {"type": "Organization", "name": xapi_settings.platform},
        "versions": [{"id": version_iri, "generatedAtTime": GENERATED_AT}],
        "concepts": [_concept(c, version_iri) for c in concepts if c.is_own],
        "templates": [
            _template(c, version_iri) for c in concepts if c.kind is Kind.VERB
        ],
    }
