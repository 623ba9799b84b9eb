"""Concurrent writers of one document (xAPI 1.0.3 Communication 3.1), in real
transactions on separate connections: run on PostgreSQL to see the row lock at
work (DATABASE_URL=postgresql://…); on SQLite the conditional UPDATE decides."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lms.xapi.models import Document
from tests.lms.xapi.documents_client import ACTIVITY, Docs, state_params
from tests.trajectories.concurrency import at_once

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROFILE = "activities/profile"
PARAMS = {"activityId": ACTIVITY, "profileId": "outcomes"}


def test_two_puts_with_the_same_stale_etag_one_wins_the_other_is_412_3_1_s4_b9() -> (
    None
):
    """3.1.s4.b5: If-Match is handled "in order to detect modifications made after
    the Client last fetched the document"; b9/b10: when it fails the LRS "MUST
    return HTTP status 412 Precondition Failed" and "MUST NOT make a
    modification". Two clients that fetched the same ETag and PUT at the same
    moment: exactly one is stored, the other is told 412."""
    docs = [Docs("one"), Docs("two")]
    docs[0].put(PROFILE, PARAMS, {"v": 0}, If_None_Match="*")
    for round_ in range(5):
        etag = docs[0].get(PROFILE, PARAMS)["ETag"]
        bodies = [{"v": round_, "by": n} for n in (0, 1)]
        responses = at_once(
            *(
                (lambda d=d, b=b, e=etag: d.put(PROFILE, PARAMS, b, If_Match=e))
                for d, b in zip(docs, bodies, strict=True)
            )
        )
        statuses = [r.status_code for r in responses]
        assert sorted(statuses) == [204, 412], [r.content for r in responses]
        winner = bodies[statuses.index(204)]
        stored = Document.objects.get()
        assert json.loads(bytes(stored.content)) == winner


def test_two_creators_with_if_none_match_one_wins_3_1_s4_b6() -> None:
    """3.1.s4.b6: If-None-Match "*" detects "when there is a resource present that
    the Client is not aware of" — also one created a moment before."""
    docs = [Docs("one"), Docs("two")]
    responses = at_once(
        *(
            (lambda d=d, n=n: d.put(PROFILE, PARAMS, {"by": n}, If_None_Match="*"))
            for n, d in enumerate(docs)
        )
    )
    assert sorted(r.status_code for r in responses) == [204, 412]
    assert Document.objects.count() == 1


def test_concurrent_state_posts_without_headers_all_merge_3_1_s3() -> None:
    """3.1.s3: state takes writes without concurrency headers; concurrent POSTs of
    different variables all end up in the document, none is lost or a 5xx."""
    docs = [Docs(f"c{n}") for n in range(4)]
    params = state_params(stateId="vars")
    responses = at_once(
        *((lambda d=d, n=n: d.post("activities/state", params, {f"k{n}": n}))
          for n, d in enumerate(docs))
    )  # fmt: skip
    assert [r.status_code for r in responses] == [204] * 4
    merged: dict[str, Any] = docs[0].get("activities/state", params).json()
    assert merged == {f"k{n}": n for n in range(4)}
