"""The registry of digest sources: how higher apps add to the digest e-mails.

An app registers a source in its AppConfig.ready(); the notifications never import
the app. A source is called with the recipient's language active.
"""

from __future__ import annotations

from .data import DigestSource

_sources: dict[str, DigestSource] = {}


def register_digest_source(key: str, source: DigestSource) -> None:
    """Add (or replace, by key) a source of digest items: `source(user, since)`."""
    _sources[key] = source


def unregister_digest_source(key: str) -> None:
    _sources.pop(key, None)


def digest_sources() -> list[tuple[str, DigestSource]]:
    """The registered sources, in the order of their keys."""
    return sorted(_sources.items())
