"""The JSON-LD document loader: local copies of the contexts, nothing else.

Canonicalizing a credential needs its contexts. They are served from the files in
``contexts/`` (see contexts/README.md for where each comes from); every other URL is
refused, so signing and verifying never touch the network and a hostile credential
cannot make the server fetch anything.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from pyld.jsonld import JsonLdError

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

_FILES = {
    CREDENTIALS_V2: "credentials-v2.json",
    OPEN_BADGES_V3: "ob-context-3.0.3.json",
}
_DIRECTORY = Path(__file__).resolve().parent / "contexts"

KNOWN_CONTEXTS = frozenset(_FILES)


class UnknownContextError(JsonLdError):
    """A document named a context this loader does not serve."""


@cache
def _context(url: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((_DIRECTORY / _FILES[url]).read_text())
    return document


def load_document(url: str, options: object = None) -> dict[str, Any]:
    """pyld document loader: a local context by URL, or UnknownContextError."""
    if not isinstance(url, str) or url not in _FILES:
        raise UnknownContextError(
            _("Context %(url)s is not one this site knows; it is never fetched.")
            % {"url": repr(str(url)[:200])},
            "jsonld.LoadDocumentError",
            {"url": str(url)[:200]},
            code="loading remote context failed",
        )
    return {
        "contextUrl": None,
        "documentUrl": url,
        # A copy: pyld must never be able to change the cached original.
        "document": copy.deepcopy(_context(url)),
    }
