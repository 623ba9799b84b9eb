"""Forwarding to a real second LRS process: outages, restarts, a worker dying
mid-batch — every statement arrives exactly once, none is lost."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from lms.accounts.roles import Role
from lms.xapi.models import Destination, OutboxEntry, Statement
from lms.xapi.services import forwarding, store_statements
from tests.factories import person
from tests.lms.xapi.factories import statement
from tests.lms.xapi.second_lrs import SecondLRS

pytestmark = pytest.mark.django_db


def destination_for(lrs: SecondLRS, **fields: Any) -> Destination:
    values = {
        "name": f"second-{uuid.uuid4().hex[:6]}",
        "endpoint": lrs.url,
        "username": lrs.key,
        "password": lrs.secret,
        "batch_size": 10,
        "timeout_seconds": 5,
    }
    values.update(fields)
    return Destination.objects.create(**values)


def store(count: int) -> list[str]:
    batch = [
        statement(email=f"l{uuid.uuid4().hex[:8]}@example.org") for _ in range(count)
    ]
    return [str(i) for i in store_statements(batch, client=None)]


def time_passes() -> None:
    """Make every backed-off or leased entry due now."""
    OutboxEntry.objects.filter(state=OutboxEntry.State.PENDING).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_every_statement_gets_one_entry_per_enabled_destination(
    second_lrs: SecondLRS,
) -> None:
    first = destination_for(second_lrs)
    destination_for(second_lrs, enabled=False)
    store(3)
    assert OutboxEntry.objects.count() == 3
    assert set(OutboxEntry.objects.values_list("destination", flat=True)) == {first.pk}


def test_outage_and_restart_deliver_everything_exactly_once(
    second_lrs: SecondLRS,
) -> None:
    destination = destination_for(second_lrs)
    ids = store(25)

    assert forwarding.forward_batch(destination.pk).sent == 10  # type: ignore[union-attr]
    second_lrs.stop()
    try:
        failed = forwarding.drain(destination.pk)
        assert failed.sent == 0 and failed.failed == 10
        ids += store(5)  # the site keeps working while the LRS is down
        assert forwarding.drain(destination.pk).sent == 0  # the next batch fails too
        assert forwarding.drain(destination.pk).sent == 0  # now all are backing off
    finally:
        second_lrs.start()
    time_passes()
    assert forwarding.drain(destination.pk).sent == 20

    received = second_lrs.statement_ids()
    assert sorted(i for i in received if i in ids) == sorted(ids)
    assert len(received) == len(set(received))
    entries = OutboxEntry.objects.filter(destination=destination)
    assert entries.filter(state=OutboxEntry.State.SENT).count() == 30
    assert entries.filter(attempts__gt=0).count() == 20
    assert entries.filter(attempts__gt=1).count() == 0


def test_a_worker_dying_after_sending_loses_nothing_and_duplicates_nothing(
    second_lrs: SecondLRS, monkeypatch: pytest.MonkeyPatch
) -> None:
    destination = destination_for(second_lrs)
    ids = store(10)

    def die(entries: Any) -> None:
        raise SystemExit("worker killed after the POST, before recording it")

    monkeypatch.setattr(forwarding, "_mark_sent", die)
    with pytest.raises(SystemExit):
        forwarding.forward_batch(destination.pk)
    monkeypatch.undo()

    assert OutboxEntry.objects.filter(state=OutboxEntry.State.PENDING).count() == 10
    assert forwarding.forward_batch(destination.pk) is None  # still leased
    time_passes()  # the lease runs out
    assert forwarding.drain(destination.pk).sent == 10

    received = second_lrs.statement_ids()
    assert sorted(i for i in received if i in ids) == sorted(ids)
    assert len(received) == len(set(received))


def test_rejected_statements_become_dead_letters_and_can_be_replayed(
    second_lrs: SecondLRS,
) -> None:
    destination = destination_for(second_lrs, password="wrong", max_attempts=2)
    store(3)
    forwarding.drain(destination.pk)
    time_passes()
    forwarding.drain(destination.pk)
    dead = OutboxEntry.objects.filter(state=OutboxEntry.State.DEAD)
    assert dead.count() == 3
    assert "401" in dead.first().last_error  # type: ignore[union-attr]

    destination.password = second_lrs.secret
    destination.save()
    out = io.StringIO()
    call_command("xapi_replay", destination.name, "--dead-only", stdout=out)
    assert "Queued 3" in out.getvalue()
    assert forwarding.drain(destination.pk).sent == 3


def test_one_invalid_statement_does_not_hold_back_its_batch(
    second_lrs: SecondLRS,
) -> None:
    destination = destination_for(second_lrs)
    ids = store(4)
    broken = Statement.objects.get(statement_id=ids[2])
    broken.payload = {**broken.payload, "verb": {"id": "not an iri"}}
    broken.save()

    result = forwarding.drain(destination.pk)
    assert (result.sent, result.dead) == (3, 1)
    dead = OutboxEntry.objects.get(state=OutboxEntry.State.DEAD)
    assert dead.statement_id == broken.pk and "400" in dead.last_error


def test_replay_creates_entries_for_statements_stored_before_the_destination(
    second_lrs: SecondLRS,
) -> None:
    ids = store(4)
    destination = destination_for(second_lrs)
    assert OutboxEntry.objects.count() == 0
    call_command("xapi_replay", destination.name, stdout=io.StringIO())
    assert forwarding.drain(destination.pk).sent == 4
    assert set(ids) <= set(second_lrs.statement_ids())


def test_replay_command_refuses_unknown_destinations_and_bad_times() -> None:
    with pytest.raises(CommandError, match="No destination"):
        call_command("xapi_replay", "nowhere")
    Destination.objects.create(
        name="x", endpoint="http://127.0.0.1:9/", username="u", password="p"
    )
    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("xapi_replay", "x", "--since", "last tuesday")


def test_backoff_doubles_and_is_capped() -> None:
    assert forwarding.backoff(1) == timedelta(seconds=30)
    assert forwarding.backoff(2) == timedelta(seconds=60)
    assert forwarding.backoff(20) == timedelta(hours=1)


def test_admin_page_shows_pending_age_and_dead_letters(faculty: Any) -> None:
    destination = Destination.objects.create(
        name="Ralph", endpoint="http://127.0.0.1:9/", username="u", password="p"
    )
    store(2)
    OutboxEntry.objects.filter(destination=destination).update(
        state=OutboxEntry.State.DEAD, last_error="HTTP 400: bad verb"
    )
    store(3)
    admin = person(Role.PROGRAMME_ADMIN, faculty=faculty)
    client = Client()
    client.force_login(admin)

    page = client.get("/admin/xapi/forwarding/")
    assert page.status_code == 200
    statuses = {row[0].destination.name: row[0] for row in page.context["rows"]}
    assert (statuses["Ralph"].pending, statuses["Ralph"].dead) == (3, 2)
    assert "HTTP 400: bad verb" in page.content.decode()

    replayed = client.post(f"/admin/xapi/forwarding/{destination.pk}/replay/")
    assert replayed.status_code == 302
    assert OutboxEntry.objects.filter(state=OutboxEntry.State.DEAD).count() == 0


@pytest.mark.parametrize("role", [Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR])
def test_other_roles_cannot_see_or_replay_forwarding(faculty: Any, role: Role) -> None:
    destination = Destination.objects.create(
        name="Ralph", endpoint="http://127.0.0.1:9/", username="u", password="p"
    )
    client = Client()
    client.force_login(person(role, faculty=faculty))
    assert client.get("/admin/xapi/forwarding/").status_code in (302, 403)
    response = client.post(f"/admin/xapi/forwarding/{destination.pk}/replay/")
    assert response.status_code in (302, 403)
