"""The issuing key ring: Ed25519 keys from configuration.

``ENGAGE_CERTIFICATION_KEYS`` lists private keys with ids. The FIRST is the active
signing key; the others stay published so credentials signed before a rotation keep
verifying. Accepted forms (the environment variable of the same name holds either):

* a list of ``{"id": "2026-01", "private_key": "z3u2…"}`` (or a PEM string), or
  of ``"2026-01:z3u2…"`` strings;
* a string: JSON of that list, or ``id:z3u2…`` items separated by commas or
  whitespace.

Private keys are multibase base58btc multicodec ``ed25519-priv`` (``z3u2…``, as
``generate_private_key_multibase()`` prints) or PKCS#8 PEM. Development settings name
``ENGAGE_CERTIFICATION_DEV_KEY_FILE`` instead: a key generated on first use and kept
in that file, so ``make run`` can issue without any set-up. Production has no such
file and refuses to start without a configured key (certification/checks.py).

This module is the only place the credential engine reads Django settings.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings

from .multibase import (
    MultibaseError,
    decode_ed25519_private,
    decode_ed25519_public,
    encode_ed25519_private,
    encode_ed25519_public,
)

SETTING = "ENGAGE_CERTIFICATION_KEYS"
DEV_KEY_FILE_SETTING = "ENGAGE_CERTIFICATION_DEV_KEY_FILE"
DEV_KEY_ID = "dev"
DID_KEY_PREFIX = "did:key:"
DID_WEB_PREFIX = "did:web:"
_KEY_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class KeyConfigurationError(ValueError):
    """The configured keys cannot be used. Messages never contain key material."""


class NoIssuingKeyError(KeyConfigurationError):
    """No key is configured, so nothing can be signed."""


@dataclass(frozen=True)
class IssuingKey:
    """One Ed25519 key of the ring, with the ids it is published under."""

    key_id: str
    private_key: Ed25519PrivateKey = field(repr=False, compare=False)
    public_key_multibase: str

    @classmethod
    def from_private_key(
        cls, key_id: str, private_key: Ed25519PrivateKey
    ) -> IssuingKey:
        raw = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return cls(key_id, private_key, encode_ed25519_public(raw))

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def did(self) -> str:
        """The key as a ``did:key`` issuer (used by tests and the CI verifier)."""
        return did_for_public_key(self.public_key_multibase)

    def verification_method_id(self, issuer_id: str) -> str:
        """The id under which this key verifies credentials of ``issuer_id``.

        A did:key issuer uses the DID's own key fragment; a did:web issuer lists
        ``<did>#<key id>`` in its DID document; an https issuer publishes each key at
        ``<issuer id>/keys/<key id>`` (a Multikey document).
        """
        if issuer_id.startswith(DID_KEY_PREFIX):
            if issuer_id != self.did:
                raise ValueError("A did:key issuer signs only with its own key.")
            return f"{self.did}#{self.public_key_multibase}"
        if issuer_id.startswith(DID_WEB_PREFIX):
            return f"{issuer_id}#{self.key_id}"
        return f"{issuer_id.rstrip('/')}/keys/{self.key_id}"

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    def private_key_multibase(self) -> str:
        """The secret, for writing a development key file. Never log it."""
        return encode_ed25519_private(_seed(self.private_key))


@dataclass(frozen=True)
class KeyRing:
    """The configured keys; ``active`` signs, every key verifies."""

    keys: tuple[IssuingKey, ...]

    def __post_init__(self) -> None:
        ids = [key.key_id for key in self.keys]
        if len(ids) != len(set(ids)):
            raise KeyConfigurationError("Two issuing keys share an id.")

    @property
    def active(self) -> IssuingKey:
        if not self.keys:
            raise NoIssuingKeyError(
                f"No issuing key is configured; set {SETTING} (see "
                "certification/openbadges/README.md)."
            )
        return self.keys[0]

    def get(self, key_id: str) -> IssuingKey | None:
        return next((key for key in self.keys if key.key_id == key_id), None)

    def resolve(self, verification_method: str, issuer_id: str) -> IssuingKey | None:
        """The ring's key published as ``verification_method`` for ``issuer_id``.

        A key only counts for the issuer that controls it, so a credential naming
        another issuer with one of our key ids does not verify.
        """
        for key in self.keys:
            if issuer_id.startswith(DID_KEY_PREFIX) and issuer_id != key.did:
                continue
            if key.verification_method_id(issuer_id) == verification_method:
                return key
        return None


def did_for_public_key(public_key_multibase: str) -> str:
    return DID_KEY_PREFIX + public_key_multibase


def public_key_from_did_key(verification_method: str) -> Ed25519PublicKey | None:
    """The Ed25519 key of ``did:key:z6Mk…#z6Mk…``, or None when it is not one."""
    if not verification_method.startswith(DID_KEY_PREFIX):
        return None
    did, _, fragment = verification_method.partition("#")
    multibase = did[len(DID_KEY_PREFIX) :]
    if fragment != multibase:
        return None
    try:
        return Ed25519PublicKey.from_public_bytes(decode_ed25519_public(multibase))
    except (MultibaseError, ValueError):
        return None


def verify_signature(
    public_key: Ed25519PublicKey, signature: bytes, data: bytes
) -> bool:
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def generate_private_key_multibase() -> str:
    """A new random Ed25519 private key in the ``z3u2…`` form the setting takes."""
    return encode_ed25519_private(_seed(Ed25519PrivateKey.generate()))


def parse_private_key(text: str) -> Ed25519PrivateKey:
    """A ``z3u2…`` multibase or PKCS#8 PEM Ed25519 private key."""
    if not isinstance(text, str) or not text.strip():
        raise KeyConfigurationError("An issuing key has no private key.")
    text = text.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_private_key(text.encode(), password=None)
        except (ValueError, TypeError) as exc:
            raise KeyConfigurationError(
                "An issuing key is not a readable PEM."
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyConfigurationError("An issuing key is PEM but not Ed25519.")
        return key
    try:
        return Ed25519PrivateKey.from_private_bytes(decode_ed25519_private(text))
    except (MultibaseError, ValueError) as exc:
        raise KeyConfigurationError(
            "An issuing key is neither PEM nor a multibase Ed25519 private key (z3u2…)."
        ) from exc


def parse_key_ring(config: object) -> KeyRing:
    """A KeyRing from the setting's value (see the module docstring for forms)."""
    return KeyRing(tuple(_parse_entry(entry) for entry in _entries(config)))


def key_ring_from_settings() -> KeyRing:
    """The site's key ring: the configured keys, else the development key file."""
    config = getattr(settings, SETTING, None)
    dev_file = getattr(settings, DEV_KEY_FILE_SETTING, None)
    return _cached_ring(
        json.dumps(config, sort_keys=True, default=str),
        str(dev_file) if dev_file else "",
    )


@lru_cache(maxsize=8)
def _cached_ring(config_json: str, dev_file: str) -> KeyRing:
    ring = parse_key_ring(json.loads(config_json))
    if not ring.keys and dev_file:
        return KeyRing((load_or_create_dev_key(Path(dev_file)),))
    return ring


def load_or_create_dev_key(path: Path) -> IssuingKey:
    """The development key kept in ``path``, generated there on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = generate_private_key_multibase()
        # Written aside, then linked into place: a concurrent first use (two test
        # workers) keeps whichever key landed first, and nobody reads half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".dev-key-")
        try:
            with os.fdopen(handle, "w") as stream:
                stream.write(secret + "\n")
            os.chmod(temporary, 0o600)
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    return IssuingKey.from_private_key(DEV_KEY_ID, parse_private_key(path.read_text()))


def _entries(config: object) -> Iterable[object]:
    if config is None or config == "":
        return ()
    if isinstance(config, str):
        text = config.strip()
        if text.startswith("["):
            try:
                return list(json.loads(text))
            except ValueError as exc:
                raise KeyConfigurationError(f"{SETTING} is not valid JSON.") from exc
        return [item for item in re.split(r"[\s,]+", text) if item]
    if isinstance(config, list | tuple):
        return config
    raise KeyConfigurationError(f"{SETTING} must be a list of keys with ids.")


def _parse_entry(entry: object) -> IssuingKey:
    key_id: object
    secret: object
    if isinstance(entry, str):
        key_id, separator, secret = entry.partition(":")
        if not separator:
            raise KeyConfigurationError(
                f"Each item of {SETTING} is id:private-key (e.g. 2026-01:z3u2…)."
            )
    elif isinstance(entry, Mapping):
        key_id, secret = entry.get("id"), entry.get("private_key")
    else:
        raise KeyConfigurationError(f"Each item of {SETTING} needs an id and a key.")
    if not isinstance(key_id, str) or not _KEY_ID_RE.fullmatch(key_id):
        raise KeyConfigurationError(
            "An issuing key id must be 1-64 letters, digits, '.', '_' or '-' "
            "(it becomes part of a URL)."
        )
    if not isinstance(secret, str):
        raise KeyConfigurationError(f"Issuing key {key_id!r} has no private key.")
    return IssuingKey.from_private_key(key_id, parse_private_key(secret))


def _seed(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
