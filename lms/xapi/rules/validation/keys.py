"""The property names and types of the xAPI Data model, and the error
every rule raises."""

from __future__ import annotations

from typing import Final

VOIDED_VERB_ID: Final = "http://adlnet.gov/expapi/verbs/voided"
# Verb and Activity ids are indexed in columns of this length (models.py); a
# longer one could not be stored, so it is refused as input (decision 0013).
MAX_INDEXED_IRI_LENGTH: Final = 2048

INTERACTION_TYPES: Final = (
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
)
# Data 2.4.4.1.s15: the interaction component lists each interactionType supports.
COMPONENT_LISTS: Final[dict[str, tuple[str, ...]]] = {
    "choice": ("choices",),
    "sequencing": ("choices",),
    "likert": ("scale",),
    "matching": ("source", "target"),
    "performance": ("steps",),
}
_ALL_COMPONENT_LISTS: Final = ("choices", "scale", "source", "target", "steps")

_IFI_KEYS: Final = ("mbox", "mbox_sha1sum", "openid", "account")
_AGENT_KEYS: Final = frozenset({"objectType", "name", *_IFI_KEYS})
_GROUP_KEYS: Final = _AGENT_KEYS | {"member"}
_STATEMENT_KEYS: Final = frozenset(
    {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
     "authority", "version", "attachments"}
)  # fmt: skip
# Data 2.4.4.3.s8.b3: a SubStatement MUST NOT have these.
_NOT_IN_SUBSTATEMENT: Final = ("id", "stored", "version", "authority")
_SUBSTATEMENT_KEYS: Final = (_STATEMENT_KEYS - set(_NOT_IN_SUBSTATEMENT)) | {
    "objectType"
}
_ACTIVITY_DEFINITION_KEYS: Final = frozenset(
    {"name", "description", "type", "moreInfo", "extensions", "interactionType",
     "correctResponsesPattern", *_ALL_COMPONENT_LISTS}
)  # fmt: skip
_CONTEXT_KEYS: Final = frozenset(
    {"registration", "instructor", "team", "contextActivities", "revision",
     "platform", "language", "statement", "extensions"}
)  # fmt: skip
_CONTEXT_ACTIVITY_KEYS: Final = ("parent", "grouping", "category", "other")
_RESULT_KEYS: Final = frozenset(
    {"score", "success", "completion", "response", "duration", "extensions"}
)
_ATTACHMENT_KEYS: Final = frozenset(
    {"usageType", "display", "description", "contentType", "length", "sha2",
     "fileUrl"}
)  # fmt: skip
_OBJECT_TYPES: Final = ("Activity", "Agent", "Group", "StatementRef", "SubStatement")


class StatementValidationError(ValueError):
    """A statement breaks a rule of the xAPI specification (400 Bad Request)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
