"""Forwarding isolates poison: a statement the destination answers 500 to is
split out of its batch and dead-lettered with the destination's answer, while
the rest arrive exactly once in the same drain. A destination that fails
everything is an outage: the batch backs off and nothing is dead-lettered."""

from __future__ import annotations

import io
import math
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from lms.accounts.roles import Role
from lms.xapi.models import Destination, OutboxEntry, Statement
from lms.xapi.services import forwarding, store_statements
from tests.factories import person
from tests.lms.xapi.factories import statement
from tests.lms.xapi.poison_proxy import POISON_VERB, PoisonProxy
from tests.lms.xapi.second_lrs import SecondLRS

pytestmark = pytest.mark.django_db

BATCH = 100
# A poisoned statement costs both halves at each level of a binary search.
MOST_POSTS = 1 + 2 * math.ceil(math.log2(BATCH))


def destination_for(proxy: PoisonProxy, lrs: SecondLRS) -> Destination:
    return Destination.objects.create(
        name=f"proxy-{uuid.uuid4().hex[:6]}",
        endpoint=proxy.url,
        username=lrs.key,
        password=lrs.secret,
        batch_size=BATCH,
        timeout_seconds=10,
    )


def store(count: int, *, poisoned: tuple[int, ...] = ()) -> list[str]:
    batch = [
        statement(
            email=f"l{uuid.uuid4().hex[:8]}@example.org",
            verb=POISON_VERB if index in poisoned else statement()["verb"]["id"],
        )
        for index in range(count)
    ]
    return [str(i) for i in store_statements(batch, client=None)]


def entries(destination: Destination, state: str) -> Any:
    return OutboxEntry.objects.filter(destination=destination, state=state)


def delivered(lrs: SecondLRS, ids: list[str]) -> list[str]:
    wanted = set(ids)
    return sorted(i for i in lrs.statement_ids() if i in wanted)


def time_passes() -> None:
    OutboxEntry.objects.filter(state=OutboxEntry.State.PENDING).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


@pytest.mark.parametrize(
    "poisoned", [(0,), (57,), (99,)], ids=["first", "middle", "last"]
)
def test_one_poisoned_statement_is_dead_lettered_and_the_other_99_arrive_once(
    second_lrs: SecondLRS, poison_proxy: PoisonProxy, poisoned: tuple[int, ...]
) -> None:
    destination = destination_for(poison_proxy, second_lrs)
    ids = store(BATCH, poisoned=poisoned)
    poison_id = ids[poisoned[0]]

    result = forwarding.drain(destination.pk)

    assert (result.sent, result.failed, result.dead) == (99, 0, 1)
    good = sorted(i for i in ids if i != poison_id)
    received = second_lrs.statement_ids()
    assert delivered(second_lrs, ids) == good
    assert len(received) == len(set(received))  # exactly once
    dead = entries(destination, OutboxEntry.State.DEAD).get()
    assert str(dead.statement.statement_id) == poison_id
    assert (
        dead.last_error == f"HTTP 500: Internal Server Error: cannot store {poison_id}"
    )
    assert entries(destination, OutboxEntry.State.SENT).count() == 99
    assert len(poison_proxy.posts) <= MOST_POSTS


def test_poison_in_both_halves_is_still_isolated(
    second_lrs: SecondLRS, poison_proxy: PoisonProxy
) -> None:
    destination = destination_for(poison_proxy, second_lrs)
    ids = store(BATCH, poisoned=(3, 80))
    result = forwarding.drain(destination.pk)
    assert (result.sent, result.dead) == (98, 2)
    poison = {ids[3], ids[80]}
    assert delivered(second_lrs, ids) == sorted(set(ids) - poison)
    dead = entries(destination, OutboxEntry.State.DEAD)
    assert {str(e.statement.statement_id) for e in dead} == poison


def test_a_destination_failing_everything_is_an_outage_not_poison(
    second_lrs: SecondLRS, poison_proxy: PoisonProxy
) -> None:
    destination = destination_for(poison_proxy, second_lrs)
    ids = store(BATCH)
    poison_proxy.down = True

    result = forwarding.drain(destination.pk)

    assert (result.sent, result.failed, result.dead) == (0, BATCH, 0)
    pending = entries(destination, OutboxEntry.State.PENDING)
    assert pending.count() == BATCH
    assert set(pending.values_list("attempts", flat=True)) == {1}
    assert pending.first().last_error == "HTTP 500: Internal Server Error: down"  # type: ignore[union-attr]
    assert pending.first().next_attempt_at > timezone.now()  # type: ignore[union-attr]
    # The probe goes down one path of halves, not through every statement.
    assert len(poison_proxy.posts) <= MOST_POSTS
    assert forwarding.drain(destination.pk).sent == 0  # backing off: no request
    assert len(poison_proxy.posts) <= MOST_POSTS

    poison_proxy.down = False
    time_passes()
    assert forwarding.drain(destination.pk).sent == BATCH
    assert delivered(second_lrs, ids) == sorted(ids)


def test_an_outage_dead_letters_only_after_max_attempts(
    second_lrs: SecondLRS, poison_proxy: PoisonProxy
) -> None:
    destination = destination_for(poison_proxy, second_lrs)
    destination.max_attempts = 2
    destination.save()
    store(10)
    poison_proxy.down = True
    assert forwarding.drain(destination.pk).dead == 0
    time_passes()
    assert forwarding.drain(destination.pk).dead == 10


def test_a_single_statement_failing_alone_is_retried_not_dead_lettered(
    second_lrs: SecondLRS, poison_proxy: PoisonProxy
) -> None:
    """Alone, a 500 cannot tell poison from an outage: the retry policy decides."""
    destination = destination_for(poison_proxy, second_lrs)
    store(1, poisoned=(0,))
    result = forwarding.drain(destination.pk)
    assert (result.failed, result.dead) == (1, 0)
    assert entries(destination, OutboxEntry.State.PENDING).get().attempts == 1


def test_a_dead_letter_is_replayed_on_its_own_once_the_destination_takes_it(
    second_lrs: SecondLRS, poison_proxy: PoisonProxy
) -> None:
    destination = destination_for(poison_proxy, second_lrs)
    ids = store(20, poisoned=(4, 15))
    assert forwarding.drain(destination.pk).dead == 2
    poison_proxy.poison_verb = "nothing any more"  # the destination was fixed

    out = io.StringIO()
    call_command(
        "xapi_replay",
        destination.name,
        "--dead-only",
        "--statement",
        ids[4],
        stdout=out,
    )
    assert "Queued 1" in out.getvalue()
    assert forwarding.drain(destination.pk).sent == 1
    assert entries(
        destination, OutboxEntry.State.DEAD
    ).get().statement.statement_id == uuid.UUID(ids[15])
    assert delivered(second_lrs, ids) == sorted(set(ids) - {ids[15]})


def test_the_admin_replays_one_dead_letter(
    faculty: Any, second_lrs: SecondLRS, poison_proxy: PoisonProxy
) -> None:
    destination = destination_for(poison_proxy, second_lrs)
    ids = store(4, poisoned=(1, 2))
    assert forwarding.drain(destination.pk).dead == 2
    client = Client()
    client.force_login(person(Role.PROGRAMME_ADMIN, faculty=faculty))
    page = client.get("/admin/xapi/forwarding/")
    assert (
        f"/admin/xapi/forwarding/{destination.pk}/replay/{ids[1]}/"
        in page.content.decode()
    )

    response = client.post(f"/admin/xapi/forwarding/{destination.pk}/replay/{ids[1]}/")

    assert response.status_code == 302
    replayed = OutboxEntry.objects.get(statement__statement_id=ids[1])
    assert (replayed.state, replayed.attempts) == (OutboxEntry.State.PENDING, 0)
    still = OutboxEntry.objects.get(statement__statement_id=ids[2])
    assert still.state == OutboxEntry.State.DEAD


@pytest.mark.parametrize("role", [Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR])
def test_other_roles_cannot_replay_one_dead_letter(faculty: Any, role: Role) -> None:
    destination = Destination.objects.create(
        name="Ralph", endpoint="http://127.0.0.1:9/", username="u", password="p"
    )
    store_statements([statement()], client=None)
    row = Statement.objects.get()
    OutboxEntry.objects.filter(destination=destination).update(
        state=OutboxEntry.State.DEAD
    )
    client = Client()
    client.force_login(person(role, faculty=faculty))
    response = client.post(
        f"/admin/xapi/forwarding/{destination.pk}/replay/{row.statement_id}/"
    )
    assert response.status_code in (302, 403)
    assert OutboxEntry.objects.get().state == OutboxEntry.State.DEAD
