"""The bitstring of a W3C Bitstring Status List (revocation bits).

Per the spec: at least 131,072 bits (16 KiB) so a list does not reveal who is
revoked; index 0 is the left-most (most significant) bit of the first byte; the
encoded list is the multibase base64url (``u…``, no padding) of the GZIP-compressed
bitstring.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable

from .multibase import MultibaseError, decode_base64url, encode_base64url

MIN_LENGTH = 131_072
# A list that inflates beyond this is refused (a "zip bomb" in a pasted credential).
MAX_BYTES = 16 * 1024 * 1024


class StatusListError(ValueError):
    """An encoded list that is not a valid bitstring."""


class Bitstring:
    """A fixed-length string of bits, index 0 left-most."""

    def __init__(self, length: int = MIN_LENGTH, data: bytes | None = None) -> None:
        if length < 1 or length % 8:
            raise StatusListError("A status list length is a positive multiple of 8.")
        if data is not None and len(data) * 8 != length:
            raise StatusListError("The data does not match the length.")
        self.length = length
        self._bits = bytearray(data if data is not None else bytes(length // 8))

    @classmethod
    def with_set(cls, indexes: Iterable[int], length: int = MIN_LENGTH) -> Bitstring:
        bitstring = cls(length)
        for index in indexes:
            bitstring.set(index)
        return bitstring

    def _position(self, index: int) -> tuple[int, int]:
        if not isinstance(index, int) or isinstance(index, bool):
            raise StatusListError("A status list index is a whole number.")
        if not 0 <= index < self.length:
            raise StatusListError(
                f"Index {index} is outside the status list (0-{self.length - 1})."
            )
        return index // 8, 0x80 >> (index % 8)

    def get(self, index: int) -> bool:
        byte, mask = self._position(index)
        return bool(self._bits[byte] & mask)

    def set(self, index: int, value: bool = True) -> None:
        byte, mask = self._position(index)
        if value:
            self._bits[byte] |= mask
        else:
            self._bits[byte] &= ~mask & 0xFF

    def to_bytes(self) -> bytes:
        return bytes(self._bits)

    def encode(self) -> str:
        # mtime=0: the same bits always encode to the same text (golden files,
        # no needless re-signing).
        return encode_base64url(gzip.compress(self.to_bytes(), mtime=0))

    @classmethod
    def decode(cls, encoded: str) -> Bitstring:
        try:
            compressed = decode_base64url(encoded)
        except MultibaseError as exc:
            raise StatusListError(f"The encoded list is not base64url: {exc}") from exc
        inflater = zlib.decompressobj(wbits=31)  # GZIP framing only
        try:
            data = inflater.decompress(compressed, MAX_BYTES + 1)
        except zlib.error as exc:
            raise StatusListError("The encoded list is not GZIP data.") from exc
        if len(data) > MAX_BYTES or inflater.unconsumed_tail:
            raise StatusListError("The status list is larger than this site accepts.")
        if not inflater.eof:
            raise StatusListError("The encoded list is truncated.")
        if len(data) * 8 < MIN_LENGTH:
            raise StatusListError(
                f"A status list has at least {MIN_LENGTH} entries; "
                f"this one has {len(data) * 8}."
            )
        return cls(len(data) * 8, data)
