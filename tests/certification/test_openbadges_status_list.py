"""Bitstring Status List encoding: size, bit order, GZIP + base64url, hostile lists."""

from __future__ import annotations

import base64
import gzip

import pytest

from certification.openbadges.multibase import decode_base64url, encode_base64url
from certification.openbadges.status_list import (
    MAX_BYTES,
    MIN_LENGTH,
    Bitstring,
    StatusListError,
)


def test_a_new_list_has_the_minimum_size_and_nothing_set() -> None:
    bits = Bitstring()

    assert bits.length == MIN_LENGTH == 131_072
    assert bits.to_bytes() == bytes(16 * 1024)
    assert not any(bits.get(index) for index in (0, 1, 4242, MIN_LENGTH - 1))


@pytest.mark.parametrize(
    ("index", "byte", "value"),
    [(0, 0, 0x80), (1, 0, 0x40), (7, 0, 0x01), (8, 1, 0x80), (4242, 530, 0x20)],
)
def test_index_zero_is_the_left_most_bit_of_the_first_byte(
    index: int, byte: int, value: int
) -> None:
    bits = Bitstring.with_set({index})

    data = bits.to_bytes()
    assert data[byte] == value
    assert sum(data) == value
    assert bits.get(index)
    assert not bits.get(index + 1)


def test_set_and_clear() -> None:
    bits = Bitstring.with_set({3, 4})
    bits.set(3, False)

    assert not bits.get(3)
    assert bits.get(4)


def test_encoding_is_multibase_base64url_of_gzip_and_round_trips() -> None:
    bits = Bitstring.with_set({0, 9, 131_071})

    encoded = bits.encode()

    assert encoded.startswith("u")
    assert not set(encoded[1:]) & set("=+/")
    assert gzip.decompress(decode_base64url(encoded)) == bits.to_bytes()
    assert Bitstring.decode(encoded).to_bytes() == bits.to_bytes()
    # Deterministic: no timestamp in the GZIP header.
    assert Bitstring.with_set({0, 9, 131_071}).encode() == encoded


def test_an_all_clear_list_is_small_when_encoded() -> None:
    assert len(Bitstring().encode()) < 200


def test_a_longer_list_decodes_with_its_length() -> None:
    encoded = Bitstring.with_set({200_000}, length=262_144).encode()

    decoded = Bitstring.decode(encoded)
    assert decoded.length == 262_144
    assert decoded.get(200_000)


@pytest.mark.parametrize("index", [-1, MIN_LENGTH, 10**12, True, "3", 1.0])
def test_an_index_outside_the_list_is_refused(index: object) -> None:
    with pytest.raises(StatusListError):
        Bitstring().get(index)  # type: ignore[arg-type]


@pytest.mark.parametrize("length", [0, -8, 7, 131_073])
def test_a_length_must_be_whole_bytes(length: int) -> None:
    with pytest.raises(StatusListError):
        Bitstring(length)


@pytest.mark.parametrize(
    ("encoded", "message"),
    [
        (None, "base64url"),
        ("", "base64url"),
        ("z" + "1" * 20, "base64url"),
        ("u" + base64.urlsafe_b64encode(b"not gzip").decode().rstrip("="), "GZIP"),
        ("u===", "base64url"),
        ("uA", "base64url"),
        (encode_base64url(gzip.compress(bytes(1024), mtime=0)), "at least 131072"),
        (encode_base64url(gzip.compress(bytes(16 * 1024), mtime=0)[:-6]), "truncated"),
        (encode_base64url(gzip.compress(bytes(MAX_BYTES + 8), mtime=0)), "larger"),
    ],
)
def test_hostile_encoded_lists_are_refused(encoded: object, message: str) -> None:
    with pytest.raises(StatusListError, match=message):
        Bitstring.decode(encoded)  # type: ignore[arg-type]
