"""Multibase and multicodec encodings used by Data Integrity keys and proofs.

base58btc (multibase prefix ``z``) carries keys and signatures; base64url without
padding (prefix ``u``) carries the status list bitstring. Only what the credential
engine needs, written out so its behaviour is plain to read.
"""

from __future__ import annotations

import base64

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {char: index for index, char in enumerate(BASE58_ALPHABET)}

# Multicodec prefixes (unsigned varints) for Ed25519 keys.
ED25519_PUB_PREFIX = bytes([0xED, 0x01])
ED25519_PRIV_PREFIX = bytes([0x80, 0x26])  # 0x1300, ed25519-priv


class MultibaseError(ValueError):
    """A value is not the multibase/multicodec encoding that was expected."""


def base58_encode(data: bytes) -> str:
    """Bitcoin base58: leading zero bytes become leading ``1`` characters."""
    zeros = len(data) - len(data.lstrip(b"\0"))
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(BASE58_ALPHABET[remainder])
    return "1" * zeros + "".join(reversed(digits))


def base58_decode(text: str) -> bytes:
    if not isinstance(text, str):
        raise MultibaseError("base58 input must be text.")
    number = 0
    for char in text:
        try:
            number = number * 58 + _BASE58_INDEX[char]
        except KeyError as exc:
            raise MultibaseError(f"{char!r} is not a base58 character.") from exc
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode_base58btc(data: bytes) -> str:
    return "z" + base58_encode(data)


def decode_base58btc(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("z") or len(text) < 2:
        raise MultibaseError("Expected a multibase base58btc value starting with 'z'.")
    return base58_decode(text[1:])


def encode_base64url(data: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def decode_base64url(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("u"):
        raise MultibaseError("Expected a multibase base64url value starting with 'u'.")
    body = text[1:]
    if any(char in body for char in "=+/") or len(body) % 4 == 1:
        raise MultibaseError("Not unpadded base64url.")
    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError as exc:
        raise MultibaseError("Not unpadded base64url.") from exc


def encode_ed25519_public(raw: bytes) -> str:
    """``z6Mk…``: multibase base58btc of the ed25519-pub multicodec key."""
    if len(raw) != 32:
        raise MultibaseError("An Ed25519 public key is 32 bytes.")
    return encode_base58btc(ED25519_PUB_PREFIX + raw)


def decode_ed25519_public(text: str) -> bytes:
    data = decode_base58btc(text)
    if not data.startswith(ED25519_PUB_PREFIX) or len(data) != 34:
        raise MultibaseError("Not a multibase Ed25519 public key (z6Mk…).")
    return data[2:]


def encode_ed25519_private(seed: bytes) -> str:
    """``z3u2…``: multibase base58btc of the ed25519-priv multicodec seed."""
    if len(seed) != 32:
        raise MultibaseError("An Ed25519 private key seed is 32 bytes.")
    return encode_base58btc(ED25519_PRIV_PREFIX + seed)


def decode_ed25519_private(text: str) -> bytes:
    data = decode_base58btc(text)
    if not data.startswith(ED25519_PRIV_PREFIX) or len(data) != 34:
        raise MultibaseError("Not a multibase Ed25519 private key (z3u2…).")
    return data[2:]
