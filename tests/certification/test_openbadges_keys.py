"""The issuing key ring: configuration forms, rotation, did:key, the dev key file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key
from django.test import override_settings

from certification.openbadges import keys
from certification.openbadges.keys import (
    IssuingKey,
    KeyConfigurationError,
    KeyRing,
    NoIssuingKeyError,
    parse_key_ring,
    parse_private_key,
)
from certification.openbadges.multibase import (
    base58_decode,
    base58_encode,
    decode_ed25519_public,
)
from tests.certification.openbadges_world import (
    ISSUER_URL,
    KEY_2025,
    KEY_2026,
    STRANGER_KEY,
    key,
)


def pem_of(secret: str) -> str:
    return (
        parse_private_key(secret)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


def test_a_multibase_key_derives_its_public_key_and_ids() -> None:
    issuing = key()

    assert issuing.public_key_multibase.startswith("z6Mk")
    raw = decode_ed25519_public(issuing.public_key_multibase)
    assert raw == issuing.public_key.public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert issuing.private_key_multibase() == KEY_2026
    assert issuing.verification_method_id(ISSUER_URL) == f"{ISSUER_URL}/keys/2026-01"
    assert issuing.verification_method_id(ISSUER_URL + "/") == (
        f"{ISSUER_URL}/keys/2026-01"
    )
    assert issuing.did == f"did:key:{issuing.public_key_multibase}"
    assert issuing.verification_method_id(issuing.did) == (
        f"{issuing.did}#{issuing.public_key_multibase}"
    )


def test_a_did_key_issuer_signs_only_with_its_own_key() -> None:
    with pytest.raises(ValueError, match="own key"):
        key().verification_method_id(key(STRANGER_KEY).did)


def test_pem_and_multibase_forms_are_the_same_key() -> None:
    from_pem = parse_key_ring([{"id": "a", "private_key": pem_of(KEY_2026)}])
    from_multibase = parse_key_ring([{"id": "a", "private_key": KEY_2026}])

    assert from_pem.active.public_key_multibase == key().public_key_multibase
    assert from_pem == from_multibase


@pytest.mark.parametrize(
    "config",
    [
        f"2026-01:{KEY_2026},2025-01:{KEY_2025}",
        f" 2026-01:{KEY_2026}\n 2025-01:{KEY_2025} ",
        json.dumps(
            [
                {"id": "2026-01", "private_key": KEY_2026},
                {"id": "2025-01", "private_key": pem_of(KEY_2025)},
            ]
        ),
        [f"2026-01:{KEY_2026}", f"2025-01:{KEY_2025}"],
        ({"id": "2026-01", "private_key": KEY_2026}, f"2025-01:{KEY_2025}"),
    ],
)
def test_every_configuration_form_gives_the_first_key_as_active(config: object) -> None:
    ring = parse_key_ring(config)

    assert [k.key_id for k in ring.keys] == ["2026-01", "2025-01"]
    assert ring.active.public_key_multibase == key(KEY_2026).public_key_multibase
    assert ring.get("2025-01") == key(KEY_2025, "2025-01")
    assert ring.get("nope") is None


@pytest.mark.parametrize("config", [None, "", "   ", [], ()])
def test_no_configuration_is_an_empty_ring_that_cannot_sign(config: object) -> None:
    ring = parse_key_ring(config)

    assert ring.keys == ()
    with pytest.raises(NoIssuingKeyError):
        _ = ring.active


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("justakey", "id:private-key"),
        (f"bad id:{KEY_2026}", "id:private-key"),  # whitespace splits it
        (f"../x:{KEY_2026}", "key id"),
        (f"{'k' * 65}:{KEY_2026}", "key id"),
        ("a:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "multibase"),
        ("a:zzzz0OIl", "multibase"),
        ("a:", "private key"),
        ("a:-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----", "PEM"),
        ('[{"id": "a"}]', "no private key"),
        ('[{"private_key": "z3u2"}]', "key id"),
        ("[not json", "JSON"),
        ("[1]", "needs an id"),
        (42, "list of keys"),
        ({"id": "a"}, "list of keys"),
        (f"a:{KEY_2026},a:{KEY_2025}", "share an id"),
    ],
)
def test_broken_configuration_is_refused_without_leaking_secrets(
    config: object, message: str
) -> None:
    with pytest.raises(KeyConfigurationError) as error:
        parse_key_ring(config)

    assert message in str(error.value)
    secrets = [KEY_2026, KEY_2025]
    if isinstance(config, str) and ":" in config:
        secrets.append(config.split(":", 1)[1][:12])
    for secret in filter(None, secrets):
        assert secret not in str(error.value)


def test_a_pem_of_another_algorithm_is_refused() -> None:
    rsa_pem = (
        generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )

    with pytest.raises(KeyConfigurationError, match="not Ed25519"):
        parse_key_ring([{"id": "rsa", "private_key": rsa_pem}])


def test_rotation_resolves_old_keys_only_for_their_issuer() -> None:
    new, old = key(KEY_2026, "2026-01"), key(KEY_2025, "2025-01")
    ring = KeyRing((new, old))

    assert ring.resolve(f"{ISSUER_URL}/keys/2025-01", ISSUER_URL) == old
    assert ring.resolve(f"{ISSUER_URL}/keys/2026-01", ISSUER_URL) == new
    assert ring.resolve(f"{ISSUER_URL}/keys/2024-01", ISSUER_URL) is None
    # The same key id under another issuer is not ours.
    assert ring.resolve("https://evil.example/keys/2026-01", ISSUER_URL) is None
    assert ring.resolve(f"{ISSUER_URL}/keys/2026-01", "https://evil.example") is None
    # did:key: the DID must be the key's own and the issuer's.
    assert ring.resolve(new.verification_method_id(new.did), new.did) == new
    assert ring.resolve(new.verification_method_id(new.did), old.did) is None
    stranger = key(STRANGER_KEY)
    assert (
        ring.resolve(stranger.verification_method_id(stranger.did), stranger.did)
        is None
    )


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("did:key:{mb}#{mb}", True),
        ("did:key:{mb}", False),
        ("did:key:{mb}#other", False),
        ("did:web:example.org#{mb}", False),
        ("did:key:z6Mk0OIl#z6Mk0OIl", False),
        ("did:key:z3u2en7t5LR2#z3u2en7t5LR2", False),
    ],
)
def test_public_key_from_did_key(method: str, expected: bool) -> None:
    multibase = key().public_key_multibase
    found = keys.public_key_from_did_key(method.format(mb=multibase))

    assert (found is not None) is expected
    if expected:
        assert found.public_bytes(  # type: ignore[union-attr]
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ) == decode_ed25519_public(multibase)


@pytest.mark.parametrize(
    "data", [b"", b"\0", b"\0\0\x01", b"hello world", bytes(range(256))]
)
def test_base58_round_trips_with_leading_zeros(data: bytes) -> None:
    assert base58_decode(base58_encode(data)) == data


def test_base58_matches_the_bitcoin_alphabet() -> None:
    assert base58_encode(b"hello world") == "StV1DL6CwTryKyV"
    assert base58_encode(b"\0\0\x01") == "112"


def test_generated_keys_are_new_and_usable() -> None:
    first, second = (keys.generate_private_key_multibase() for _ in range(2))

    assert first != second
    assert first.startswith("z3u2")
    signed = IssuingKey.from_private_key("x", parse_private_key(first)).sign(b"data")
    assert keys.verify_signature(parse_private_key(first).public_key(), signed, b"data")
    assert not keys.verify_signature(
        parse_private_key(second).public_key(), signed, b"data"
    )


def test_the_dev_key_file_is_created_once_privately_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "var" / "dev-issuing-key"

    first = keys.load_or_create_dev_key(path)
    again = keys.load_or_create_dev_key(path)

    assert first == again
    assert first.key_id == "dev"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == first.private_key_multibase()
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_an_existing_dev_key_file_wins_over_a_new_key(tmp_path: Path) -> None:
    path = tmp_path / "dev-issuing-key"
    path.write_text(KEY_2025 + "\n")

    assert keys.load_or_create_dev_key(path).public_key_multibase == (
        key(KEY_2025).public_key_multibase
    )


def test_settings_keys_come_first_then_the_dev_file(tmp_path: Path) -> None:
    dev_file = tmp_path / "dev-key"
    with override_settings(
        ENGAGE_CERTIFICATION_KEYS=f"2026-01:{KEY_2026}",
        ENGAGE_CERTIFICATION_DEV_KEY_FILE=dev_file,
    ):
        assert keys.key_ring_from_settings().active == key()
    assert not dev_file.exists()

    with override_settings(
        ENGAGE_CERTIFICATION_KEYS="", ENGAGE_CERTIFICATION_DEV_KEY_FILE=dev_file
    ):
        ring = keys.key_ring_from_settings()
    assert [k.key_id for k in ring.keys] == ["dev"]
    assert dev_file.exists()

    with override_settings(
        ENGAGE_CERTIFICATION_KEYS="", ENGAGE_CERTIFICATION_DEV_KEY_FILE=None
    ):
        assert keys.key_ring_from_settings().keys == ()


def test_the_secret_never_shows_in_a_repr() -> None:
    assert KEY_2026 not in repr(key())
    assert "private_key" not in repr(key())
    assert isinstance(key().private_key, Ed25519PrivateKey)
