"""Speed of the Open Badges credential engine (no database, no web server).

Prints credentials signed per second, p50/p95 of verifying one credential (proof,
dates and a status lookup), and the cost of encoding, signing and decoding a status
list of 131,072 entries with 10,000 revoked. The verification page and API add
their own queries on top of the verification figure.

    .venv/bin/python bench/openbadges_engine.py [--count 200]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.test")

import django  # noqa: E402

django.setup()

from certification.openbadges import documents, proof  # noqa: E402
from certification.openbadges.data import (  # noqa: E402
    AchievementData,
    AlignmentData,
    CredentialData,
    IssuerProfileData,
    RecipientData,
    RubricCriterionData,
    RubricLevelData,
    RubricResultData,
    StatusEntryData,
    StatusListData,
)
from certification.openbadges.keys import (  # noqa: E402
    IssuingKey,
    KeyRing,
    generate_private_key_multibase,
    parse_private_key,
)
from certification.openbadges.status_list import Bitstring  # noqa: E402
from certification.openbadges.verification import (  # noqa: E402
    status_lookup_for,
    verify_credential,
)

SITE = "https://pd.example.edu"
ISSUER = IssuerProfileData(id=f"{SITE}/certification/issuer", name="Engage PD")
LIST_URL = f"{SITE}/certification/status/1"
REVOKED = 10_000


def credential_data(index: int, now: datetime) -> CredentialData:
    competencies = tuple(
        AlignmentData(f"Competency {n}", f"{SITE}/c/{n}", "Framework", f"C{n}")
        for n in range(1, 9)
    )
    criteria = tuple(
        RubricCriterionData(
            id=f"{SITE}/rubric/criteria/{n}",
            name=f"Criterion {n}",
            levels=tuple(
                RubricLevelData(
                    f"{SITE}/rubric/criteria/{n}/levels/{lv}", f"L{lv}", points=str(lv)
                )
                for lv in range(1, 5)
            ),
        )
        for n in range(1, 7)
    )
    return CredentialData(
        credential_id=uuid.uuid4(),
        issuer=ISSUER,
        recipient=RecipientData(
            email=f"lecturer{index}@example.edu", salt=uuid.uuid4().hex
        ),
        achievement=AchievementData(
            id=f"{SITE}/certification/schemes/1",
            name="Certificate Inclusive Teaching",
            description="A year of reflective practice.",
            criteria_narrative="Sessions, assignments and a portfolio.",
            alignments=competencies,
            rubric=criteria,
        ),
        valid_from=now - timedelta(days=1),
        valid_until=now + timedelta(days=3 * 365),
        results=tuple(RubricResultData(c.id, c.levels[2].id, "3") for c in criteria),
        status=StatusEntryData(LIST_URL, index),
    )


def percentile(values: list[float], share: float) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * share))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    key = IssuingKey.from_private_key(
        "bench", parse_private_key(generate_private_key_multibase())
    )
    ring, now = KeyRing((key,)), datetime.now(UTC)
    indexes = random.sample(range(131_072), args.count)

    started = time.perf_counter()
    signed = [
        proof.sign(
            documents.build_credential(credential_data(i, now)), key=key, created=now
        )
        for i in indexes
    ]
    elapsed = time.perf_counter() - started
    print(f"signed {args.count} credentials: {args.count / elapsed:.1f}/s")

    revoked = frozenset(random.sample(range(131_072), REVOKED))
    started = time.perf_counter()
    status_list = proof.sign(
        documents.build_status_list_credential(
            StatusListData(
                id=LIST_URL, issuer=ISSUER, valid_from=now, set_indexes=revoked
            )
        ),
        key=key,
        created=now,
    )
    print(
        f"status list (131,072 entries, {REVOKED:,} set) built and signed: "
        f"{(time.perf_counter() - started) * 1000:.1f} ms, "
        f"encodedList {len(status_list['credentialSubject']['encodedList']):,} chars"
    )
    started = time.perf_counter()
    bits = Bitstring.decode(status_list["credentialSubject"]["encodedList"])
    print(f"status list decoded: {(time.perf_counter() - started) * 1000:.2f} ms")

    lookup = status_lookup_for({LIST_URL: bits})
    timings = []
    for credential in signed:
        started = time.perf_counter()
        result = verify_credential(
            credential, status_lookup=lookup, key_ring=ring, now=now
        )
        timings.append((time.perf_counter() - started) * 1000)
        if result.status.value not in {"valid", "revoked"}:
            sys.exit(f"A freshly signed credential did not verify: {result.reasons}")
    print(
        f"verify one credential: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
