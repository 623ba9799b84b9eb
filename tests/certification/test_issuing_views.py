"""The credential pages through HTTP: the public verification page and documents,
the verify-a-credential page with hostile input, the holder's downloads and the
programme team's revocation, for every role, with query counts."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from certification import services
from certification.models import IssuedCredential, StatusList
from certification.openbadges.keys import parse_key_ring
from certification.openbadges.verification import (
    MAX_CREDENTIAL_BYTES,
    read_status_list_credential,
)
from certification.selectors import credentials as credential_selectors
from lms.accounts.selectors import profile_of
from tests.certification.factories import World
from tests.certification.issuing_world import (
    KEYS,
    ROTATED_KEYS,
    holder_name,
    issued,
    issuing_settings,  # noqa: F401 - a fixture
)
from tests.certification.openbadges_world import SITE, changed
from tests.certification.pdf_text import pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

ROLES = (
    "holder", "other_lecturer", "coach", "assessor", "coordinator", "admin",
    "anonymous",
)  # fmt: skip


@dataclass
class Scene:
    world: World
    credential: IssuedCredential


@pytest.fixture
def scene(world: World) -> Scene:
    holder_name(world, "Zoë", "Ünal-de Vries")
    return Scene(world=world, credential=issued(world))


def _client(world: World, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.lecturer if role == "holder" else getattr(world, role))
    return client


def _verify_url(credential: IssuedCredential) -> str:
    return reverse("engage_certification:verify", args=[credential.verification_code])


def _text(response: Any) -> str:
    return response.content.decode()


# --- the public verification page ----------------------------------------------------


def test_the_verification_page_shows_every_claim_and_valid(scene: Scene) -> None:
    response = Client().get(_verify_url(scene.credential))

    assert response.status_code == 200
    page = _text(response)
    assert 'data-verdict="valid"' in page
    for claim in (
        "Zoë Ünal-de Vries",
        "Certificate Inclusive Teaching",
        "Description",
        "Competency 1",
        "C4",
        "European Qualifications Framework",
        "Criterion 1",
        "Good",
        "Engage PD — University of Examples",
        "Outcomes",
        str(scene.credential.credential_id),
    ):
        assert claim in page, claim
    awarded = scene.credential.decision.decided_at
    shown = date_format(timezone.localtime(awarded), "j F Y")
    assert f"<dd data-awarded>{shown}</dd>" in page
    assert response["X-Robots-Tag"].startswith("noindex")
    assert (
        reverse(
            "engage_certification:credential_json",
            args=[scene.credential.verification_code],
        )
        in page
    )


def test_the_verification_page_is_bilingual(scene: Scene) -> None:
    client = Client()
    client.cookies["django_language"] = "nl"
    response = client.get(_verify_url(scene.credential), HTTP_ACCEPT_LANGUAGE="nl")
    page = _text(response)
    assert '<html lang="nl"' in page
    assert 'data-verdict="valid"' in page
    assert "Zoë Ünal-de Vries" in page


def test_an_expired_credential_says_expired(world: World) -> None:
    credential = issued(world, now=datetime(2019, 5, 1, tzinfo=UTC))

    page = _text(Client().get(_verify_url(credential)))

    assert 'data-verdict="expired"' in page
    assert "it was valid until 1 May 2024" in page


def test_a_revoked_credential_says_revoked_with_its_reason(scene: Scene) -> None:
    services.revoke_credential(
        actor=scene.world.admin, credential=scene.credential, reason="misconduct",
        note="The evidence was not the candidate's own work.",
    )  # fmt: skip

    page = _text(Client().get(_verify_url(scene.credential)))

    assert 'data-verdict="revoked"' in page
    assert "Academic misconduct" in page
    assert "not the candidate&#x27;s own work" in page
    assert 'data-verdict="valid"' not in page


def test_a_corrected_credential_points_to_its_replacement(scene: Scene) -> None:
    services.reissue_credential(
        actor=scene.world.admin, credential=scene.credential, note="Name changed"
    )
    page = _text(Client().get(_verify_url(scene.credential)))
    assert "Corrected: replaced by a new credential" in page
    assert "A corrected certificate replaces it." in page


@pytest.mark.parametrize(
    "code", ["x" * 43, "A" * 20, "nope-not-a-code-but-long-enough-0123456789"]
)
def test_an_unknown_code_says_not_found(scene: Scene, code: str) -> None:
    response = Client().get(reverse("engage_certification:verify", args=[code]))

    assert response.status_code == 404
    assert 'data-verdict="not_found"' in _text(response)
    assert "Zoë" not in _text(response)


@pytest.mark.parametrize("path", ["/certificates/short/", "/certificates/a%20b/"])
def test_malformed_codes_are_not_found(scene: Scene, path: str) -> None:
    assert Client().get(path).status_code == 404


def test_the_credential_json_is_the_stored_document(scene: Scene) -> None:
    url = reverse(
        "engage_certification:credential_json",
        args=[scene.credential.verification_code],
    )
    response = Client().get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert json.loads(response.content) == scene.credential.document
    assert response["Access-Control-Allow-Origin"] == "*"
    missing = reverse("engage_certification:credential_json", args=["y" * 43])
    assert Client().get(missing).status_code == 404


def test_verification_page_queries_do_not_grow(
    scene: Scene, django_assert_max_num_queries: Any
) -> None:
    for _ in range(6):
        current = IssuedCredential.objects.get(revoked_at=None)
        services.reissue_credential(
            actor=scene.world.admin, credential=current, note="Name changed"
        )
    client = Client()
    for credential in IssuedCredential.objects.all():
        with django_assert_max_num_queries(4):
            response = client.get(_verify_url(credential))
        assert response.status_code == 200


@pytest.fixture
def proof_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every canonicalizing proof check made (the slow part of a verification)."""
    from certification.openbadges import proof

    calls: list[str] = []
    real = proof.verify

    def counted(document: Any, **kwargs: Any) -> Any:
        calls.append(str(document.get("id")))
        return real(document, **kwargs)

    monkeypatch.setattr(proof, "verify", counted)
    return calls


def test_a_valid_signature_is_checked_once_and_a_changed_document_again(
    scene: Scene, proof_checks: list[str]
) -> None:
    url = _verify_url(scene.credential)
    for _ in range(3):
        assert 'data-verdict="valid"' in _text(Client().get(url))
    assert len(proof_checks) == 1
    pasted = {"credential": json.dumps(scene.credential.document)}
    assert 'data-verdict="valid"' in _text(_post(pasted))
    assert len(proof_checks) == 1  # the same document: the same outcome

    forged = changed(scene.credential.document, "name", "Certificate of Excellence")
    IssuedCredential.objects.filter(pk=scene.credential.pk).update(document=forged)

    assert 'data-verdict="invalid"' in _text(Client().get(url))
    assert 'data-verdict="invalid"' in _text(Client().get(url))
    assert len(proof_checks) == 3  # an invalid outcome is never remembered


def test_a_key_taken_out_of_the_ring_is_not_trusted_from_the_cache(
    scene: Scene,
) -> None:
    url = _verify_url(scene.credential)
    assert 'data-verdict="valid"' in _text(Client().get(url))
    from tests.certification.openbadges_world import KEY_2025

    with override_settings(
        ENGAGE_CERTIFICATION_KEYS=[{"id": "2025-01", "private_key": KEY_2025}]
    ):
        assert 'data-verdict="invalid"' in _text(Client().get(url))


def test_a_failing_cache_only_costs_time(
    scene: Scene, monkeypatch: pytest.MonkeyPatch, proof_checks: list[str]
) -> None:
    class Down:
        def get(self, key: str) -> Any:
            raise ConnectionError("the cache is down")

        def set(self, key: str, value: Any, timeout: int) -> None:
            raise ConnectionError("the cache is down")

    monkeypatch.setattr(credential_selectors, "cache", Down())
    for _ in range(2):
        page = _text(Client().get(_verify_url(scene.credential)))
        assert 'data-verdict="valid"' in page
    assert len(proof_checks) == 2


# --- published documents -------------------------------------------------------------


def test_the_issuer_profile_and_every_key_are_published(world: World) -> None:
    with override_settings(ENGAGE_CERTIFICATION_KEYS=ROTATED_KEYS):
        profile = Client().get("/certification/issuer")
        assert profile.status_code == 200
        document = json.loads(profile.content)
        assert document["id"] == f"{SITE}/certification/issuer"
        assert document["name"] == "Engage PD — University of Examples"
        ring = parse_key_ring(ROTATED_KEYS)
        for key in ring.keys:
            response = Client().get(f"/certification/issuer/keys/{key.key_id}")
            assert response.status_code == 200
            published = json.loads(response.content)
            assert published["id"] == f"{SITE}/certification/issuer/keys/{key.key_id}"
            assert published["publicKeyMultibase"] == key.public_key_multibase
            assert "private" not in response.content.decode().lower()
        assert Client().get("/certification/issuer/keys/2099-01").status_code == 404
    # An https issuer has no DID document.
    assert Client().get("/.well-known/did.json").status_code == 404


def test_a_did_web_issuer_publishes_its_did_document(world: World) -> None:
    with override_settings(
        ENGAGE_CERTIFICATION_ISSUER_ID="did:web:pd.example.edu",
        ENGAGE_CERTIFICATION_KEYS=ROTATED_KEYS,
    ):
        response = Client().get("/.well-known/did.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["id"] == "did:web:pd.example.edu"
    assert len(document["verificationMethod"]) == 3
    assert document["assertionMethod"][1] == "did:web:pd.example.edu#2026-01"


def test_the_status_list_is_signed_short_cached_and_resigned_on_revocation(
    scene: Scene,
) -> None:
    url = reverse(
        "engage_certification:status_list", args=[scene.credential.status_list_id]
    )
    before = Client().get(url)
    assert before.status_code == 200
    assert before["Cache-Control"] == "public, max-age=60"
    ring = parse_key_ring(KEYS)
    bits = read_status_list_credential(json.loads(before.content), key_ring=ring)
    assert bits.length >= 131_072 and not bits.get(scene.credential.status_index)

    services.revoke_credential(
        actor=scene.world.admin, credential=scene.credential, reason="other",
        note="Withdrawn",
    )  # fmt: skip

    after = json.loads(Client().get(url).content)
    assert read_status_list_credential(after, key_ring=ring).get(
        scene.credential.status_index
    )
    assert (
        Client()
        .get(reverse("engage_certification:status_list", args=[999]))
        .status_code
        == 404
    )


# --- verify a credential (paste or upload) --------------------------------------------


def _post(data: dict[str, Any], **extra: Any) -> Any:
    return Client().post(reverse("engage_certification:verify_upload"), data, **extra)


def test_the_verify_page_answers_a_pasted_credential(scene: Scene) -> None:
    assert (
        Client().get(reverse("engage_certification:verify_upload")).status_code == 200
    )

    response = _post({"credential": json.dumps(scene.credential.document)})

    assert response.status_code == 200
    assert 'data-verdict="valid"' in _text(response)
    assert "Zoë Ünal-de Vries" in _text(response)


def test_the_verify_page_answers_an_uploaded_file(scene: Scene) -> None:
    upload = SimpleUploadedFile(
        "certificate.json", json.dumps(scene.credential.document).encode(),
        content_type="application/json",
    )  # fmt: skip
    response = _post({"file": upload})
    assert 'data-verdict="valid"' in _text(response)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("name", "Certificate of Excellence"),
        ("validUntil", "2099-01-01T00:00:00Z"),
        ("credentialSubject.identifier.1.identityHash", "Someone Else"),
        ("credentialSubject.achievement.name", "Another certificate"),
        ("credentialSubject.achievement.alignment.0.targetCode", "C9"),
        ("credentialSubject.result.0.achievedLevel", "https://pd.example.edu/x"),
        ("credentialStatus.statusListIndex", "1"),
        ("issuer.name", "Another University"),
        ("proof.created", "2030-01-01T00:00:00Z"),
    ],
)
def test_a_tampered_credential_fails(scene: Scene, path: str, value: Any) -> None:
    tampered = changed(scene.credential.document, path, value)

    response = _post({"credential": json.dumps(tampered)})

    page = _text(response)
    assert 'data-verdict="invalid"' in page
    assert "data-claims" not in page  # nothing of a forgery is shown as a claim


def test_a_pasted_revoked_credential_fails_with_its_reason(scene: Scene) -> None:
    services.revoke_credential(
        actor=scene.world.admin, credential=scene.credential, reason="issued_in_error",
        note="Sent to the wrong person.",
    )  # fmt: skip
    page = _text(_post({"credential": json.dumps(scene.credential.document)}))
    assert 'data-verdict="revoked"' in page
    assert "Issued in error" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("not json at all", "This is not JSON"),
        ("[1, 2, 3]", "must be a JSON object"),
        ('"just a string"', "must be a JSON object"),
        ('{"@context": 5}', "@context must be"),
        ("[" * 50_000 + "]" * 50_000, "This is not JSON"),
        ('{"a": ' + "[" * 40 + "1" + "]" * 40 + "}", "nested too deeply"),
        ('{"id": null, "type": 7}', "@context"),
    ],
)
def test_hostile_pastes_get_a_clear_message(
    scene: Scene, data: str, message: str
) -> None:
    response = _post({"credential": data})

    assert response.status_code == 200
    assert 'data-verdict="invalid"' in _text(response)
    assert message in _text(response)


def test_oversized_input_is_refused_unread(scene: Scene) -> None:
    too_big = "x" * (MAX_CREDENTIAL_BYTES + 1)
    response = _post({"credential": too_big})
    assert response.status_code == 400
    assert "larger than 256 kB" in _text(response)

    upload = SimpleUploadedFile("big.json", b"{" + b" " * MAX_CREDENTIAL_BYTES + b"}")
    response = _post({"file": upload})
    assert response.status_code == 400
    assert "larger than 256 kB" in _text(response)

    huge = b"credential=" + b"x" * (3 * 1024 * 1024)
    response = Client().post(
        reverse("engage_certification:verify_upload"), huge,
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert response.status_code == 413
    assert "far larger than a credential" in _text(response)


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00binary\x00", b"\x89PNG\r\n\x1a\n", "café".encode("latin-1")],
)
def test_binary_uploads_are_not_json(scene: Scene, content: bytes) -> None:
    response = _post({"file": SimpleUploadedFile("x.json", content)})
    assert response.status_code == 200
    assert 'data-verdict="invalid"' in _text(response)


def test_an_empty_form_asks_for_a_credential(scene: Scene) -> None:
    response = _post({})
    assert response.status_code == 400
    assert "Paste the credential" in _text(response)
    assert (
        Client().put(reverse("engage_certification:verify_upload")).status_code == 405
    )


def test_checking_is_rate_limited_per_address(scene: Scene) -> None:
    with override_settings(ENGAGE_CERTIFICATION_VERIFY_PER_MINUTE=2):
        codes = [_post({"credential": "{}"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


# --- the holder's certificates and downloads ------------------------------------------


def _download_urls(credential: IssuedCredential) -> dict[str, str]:
    return {
        name: reverse(f"engage_certification:{name}", args=[credential.pk])
        for name in ("certificate_pdf", "certificate_json", "certificate_bundle")
    }


@pytest.mark.parametrize("role", ROLES)
def test_only_the_holder_downloads(scene: Scene, role: str) -> None:
    client = _client(scene.world, role)
    for name, url in _download_urls(scene.credential).items():
        response = client.get(url)
        if role == "holder":
            assert response.status_code == 200, name
            assert response["Cache-Control"] == "private, no-store"
        elif role == "anonymous":
            assert response.status_code == 302, name
            assert "/accounts/login" in response["Location"]
        else:
            assert response.status_code == 404, (role, name)


def test_the_pdf_is_a_real_certificate_with_the_holders_name(scene: Scene) -> None:
    url = _download_urls(scene.credential)["certificate_pdf"]
    response = _client(scene.world, "holder").get(url)

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert b"/Subtype /Image" in response.content  # the QR code
    text = pdf_text(response.content)
    assert "Zoë Ünal-de Vries" in text
    assert "Certificate Inclusive Teaching" in text
    assert "Engage PD — University of Examples" in text
    assert credential_selectors.verification_url(scene.credential) in text
    assert "valid until" in text


def test_the_pdf_is_in_the_language_it_was_issued_in(world: World) -> None:
    profile = profile_of(world.lecturer)
    profile.preferred_language = "nl"
    profile.save()
    credential = issued(world)

    response = _client(world, "holder").get(
        _download_urls(credential)["certificate_pdf"]
    )

    text = pdf_text(response.content)
    assert "Certificaat Inclusief Onderwijs" in text
    assert "Certificate Inclusive Teaching" not in text


def test_the_portfolio_zip_holds_pdf_json_and_the_url(scene: Scene) -> None:
    url = _download_urls(scene.credential)["certificate_bundle"]
    response = _client(scene.world, "holder").get(url)

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "certificate.json", "certificate.pdf", "verification-url.txt",
    ]  # fmt: skip
    assert archive.read("certificate.pdf").startswith(b"%PDF-")
    assert json.loads(archive.read("certificate.json")) == scene.credential.document
    assert (
        credential_selectors.verification_url(scene.credential)
        in archive.read("verification-url.txt").decode()
    )


def test_the_holder_sees_their_certificates_with_status(scene: Scene) -> None:
    page = _text(_client(scene.world, "holder").get("/certification/"))

    assert 'data-certificate="valid"' in page
    assert "Download PDF" in page and "Add to LinkedIn" in page
    assert credential_selectors.verification_url(scene.credential) in page
    other = _text(_client(scene.world, "other_lecturer").get("/certification/"))
    assert "data-certificates" not in other


def test_the_linkedin_link_is_encoded(scene: Scene) -> None:
    url = credential_selectors.linkedin_url(scene.credential)
    parts = urlsplit(url)
    query = parse_qs(parts.query, strict_parsing=True)

    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://www.linkedin.com/profile/add"
    )
    assert query == {
        "startTask": ["CERTIFICATION_NAME"],
        "name": ["Certificate Inclusive Teaching"],
        "organizationName": ["Engage PD — University of Examples"],
        "issueYear": [str(scene.credential.valid_from.year)],
        "issueMonth": [str(scene.credential.valid_from.month)],
        "expirationYear": [str(scene.credential.valid_until.year)],  # type: ignore[union-attr]
        "expirationMonth": [str(scene.credential.valid_until.month)],  # type: ignore[union-attr]
        "certUrl": [credential_selectors.verification_url(scene.credential)],
        "certId": [str(scene.credential.credential_id)],
    }
    assert " " not in url and "—" not in url and "&amp;" not in url


def test_the_holders_page_queries_do_not_grow(
    scene: Scene, django_assert_max_num_queries: Any
) -> None:
    client = _client(scene.world, "holder")
    with django_assert_max_num_queries(40) as few:
        client.get("/certification/")
    baseline = len(few.captured_queries)
    for _ in range(12):
        current = IssuedCredential.objects.get(revoked_at=None)
        services.reissue_credential(
            actor=scene.world.admin, credential=current, note="Name changed"
        )
    with django_assert_max_num_queries(baseline) as many:
        page = _text(client.get("/certification/"))
    assert page.count("data-certificate=") == 13
    assert len(many.captured_queries) <= baseline


# --- revocation by the programme team -------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_programme_team_sees_and_revokes(scene: Scene, role: str) -> None:
    client = _client(scene.world, role)
    list_url = reverse("engage_certification:manage_certificates")
    detail_url = reverse(
        "engage_certification:manage_certificate", args=[scene.credential.pk]
    )
    post = client.post(
        detail_url, {"action": "revoke", "reason": "other", "note": "Withdrawn"}
    )
    listing = client.get(list_url)
    scene.credential.refresh_from_db()
    if role == "admin":
        assert post.status_code == 302
        assert scene.credential.is_revoked
        assert listing.status_code == 200
    elif role == "anonymous":
        assert post.status_code == listing.status_code == 302
        assert not scene.credential.is_revoked
    else:
        assert post.status_code == listing.status_code == 404, role
        assert not scene.credential.is_revoked


def test_revocation_needs_a_reason_on_the_page(scene: Scene) -> None:
    client = _client(scene.world, "admin")
    url = reverse("engage_certification:manage_certificate", args=[scene.credential.pk])
    for data in (
        {"action": "revoke", "reason": "", "note": "Why"},
        {"action": "revoke", "reason": "other", "note": ""},
        {"action": "revoke", "reason": "correction", "note": "Use re-issue"},
        {"action": "revoke", "reason": "other", "note": "x" * 1001},
        {"action": "reissue", "note": ""},
        {"action": "explode"},
    ):
        response = client.post(url, data)
        assert response.status_code == 400, data
    scene.credential.refresh_from_db()
    assert not scene.credential.is_revoked
    assert IssuedCredential.objects.count() == 1


def test_a_correction_on_the_page_issues_a_new_credential(scene: Scene) -> None:
    client = _client(scene.world, "admin")
    url = reverse("engage_certification:manage_certificate", args=[scene.credential.pk])
    holder_name(scene.world, "Zoë", "Jansen")

    response = client.post(url, {"action": "reissue", "note": "Name changed"})

    new = IssuedCredential.objects.get(replaces=scene.credential)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "engage_certification:manage_certificate", args=[new.pk]
    )
    assert "Zoë Jansen" in _text(Client().get(_verify_url(new)))
    assert 'data-verdict="revoked"' in _text(
        Client().get(_verify_url(scene.credential))
    )
    again = client.post(url, {"action": "reissue", "note": "Twice"})
    assert again.status_code == 400  # revoked already: nothing issued
    assert IssuedCredential.objects.count() == 2


def test_the_programme_teams_list_queries_do_not_grow(
    scene: Scene, django_assert_max_num_queries: Any
) -> None:
    client = _client(scene.world, "admin")
    for _ in range(12):
        current = IssuedCredential.objects.get(revoked_at=None)
        services.reissue_credential(
            actor=scene.world.admin, credential=current, note="Name changed"
        )
    with django_assert_max_num_queries(14):
        response = client.get(reverse("engage_certification:manage_certificates"))
    assert _text(response).count("/certification/manage/certificates/") >= 13
    with django_assert_max_num_queries(14):
        revoked = client.get(
            reverse("engage_certification:manage_certificates") + "?state=revoked"
        )
    assert revoked.status_code == 200
    assert StatusList.objects.count() == 1
