"""The circuit breaker of forwarding, against a real second LRS behind a TCP
proxy that refuses connections: after N outage failures the drain stops
sending batches and probes one statement at growing intervals; when a probe
gets through, the drain is queued at once (no beat) and everything arrives
once. Nothing is dead-lettered for the outage."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
import requests
from django.test import Client, override_settings
from django.utils import timezone

from lms.accounts.roles import Role
from lms.xapi.models import Destination, DestinationHealth, OutboxEntry
from lms.xapi.selectors.forwarding import circuit_policy
from lms.xapi.services import forwarding, store_statements
from tests.factories import person
from tests.lms.tcp_proxy import TcpProxy
from tests.lms.xapi.factories import statement
from tests.lms.xapi.poison_proxy import POISON_VERB, PoisonProxy
from tests.lms.xapi.second_lrs import SecondLRS

pytestmark = pytest.mark.django_db

THRESHOLD = 3
BATCH = 10
# An outage costs a batch one path of halves down to a single statement.
MOST_POSTS_PER_OUTAGE = 1 + 2 * 4  # ceil(log2(10)) == 4


@pytest.fixture
def lrs_proxy(second_lrs: SecondLRS) -> Iterator[TcpProxy]:
    with TcpProxy("127.0.0.1", second_lrs.port) as proxy:
        yield proxy


@pytest.fixture
def requests_sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every HTTP request forwarding makes (the real ones still go out)."""
    sent: list[str] = []

    def counting(method: Callable[..., Any]) -> Callable[..., Any]:
        def send(url: str, *args: Any, **kwargs: Any) -> Any:
            sent.append(url)
            return method(url, *args, **kwargs)

        return send

    monkeypatch.setattr(requests, "post", counting(requests.post))
    monkeypatch.setattr(requests, "get", counting(requests.get))
    return sent


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Celery runs tasks in-process, as a worker would after the commit."""
    from lms.site.celery import app

    before = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = before


def destination_at(url: str, lrs: SecondLRS) -> Destination:
    return Destination.objects.create(
        name=f"lrs-{uuid.uuid4().hex[:6]}",
        endpoint=url,
        username=lrs.key,
        password=lrs.secret,
        batch_size=BATCH,
        timeout_seconds=5,
        max_attempts=THRESHOLD + 1,
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


def time_passes() -> None:
    """Every backed-off entry is due now (a probe is not)."""
    OutboxEntry.objects.filter(state=OutboxEntry.State.PENDING).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def probe_due(destination: Destination) -> None:
    DestinationHealth.objects.filter(destination=destination).update(
        next_probe_at=timezone.now() - timedelta(seconds=1)
    )


def health(destination: Destination) -> DestinationHealth:
    return DestinationHealth.objects.get(destination=destination)


def counts(destination: Destination) -> dict[str, int]:
    rows = OutboxEntry.objects.filter(destination=destination)
    return {state: rows.filter(state=state).count() for state in OutboxEntry.State}


def open_circuit(destination: Destination) -> None:
    for _ in range(THRESHOLD):
        time_passes()
        assert forwarding.drain(destination.pk).sent == 0


@override_settings(ENGAGE_XAPI_CIRCUIT_THRESHOLD=THRESHOLD)
def test_a_refusing_destination_opens_the_circuit_is_probed_and_recovers_at_once(
    second_lrs: SecondLRS,
    lrs_proxy: TcpProxy,
    requests_sent: list[str],
    eager_tasks: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    destination = destination_at(f"http://127.0.0.1:{lrs_proxy.port}/xapi/", second_lrs)
    ids = store(25)
    assert forwarding.forward_batch(destination.pk).sent == BATCH  # type: ignore[union-attr]
    lrs_proxy.refuse()

    open_circuit(destination)
    assert len(requests_sent) <= 1 + THRESHOLD * MOST_POSTS_PER_OUTAGE
    state = health(destination)
    assert state.consecutive_failures == THRESHOLD
    assert state.failing_since is not None
    assert state.last_error.startswith("ConnectionError:")
    assert state.last_error_status is None
    assert state.next_probe_at > timezone.now()

    # Open: however often the drain runs, nothing is sent until the probe is due.
    before = len(requests_sent)
    for _ in range(20):
        time_passes()
        assert forwarding.drain(destination.pk).sent == 0
    assert len(requests_sent) == before

    # Each due probe is one request, and the next one waits twice as long.
    intervals = []
    for _ in range(5):
        probe_due(destination)
        time_passes()
        forwarding.drain(destination.pk)
        forwarding.drain(destination.pk)  # the probe is not due again at once
        intervals.append(health(destination).probe_interval)
    assert len(requests_sent) == before + 5
    assert intervals == sorted(intervals) and intervals[-1] > intervals[0]
    assert counts(destination)[OutboxEntry.State.DEAD] == 0  # nothing lost to it

    lrs_proxy.pass_through()
    probe_due(destination)
    with django_capture_on_commit_callbacks(execute=True):
        forwarding.drain(destination.pk)  # the probe; its success queues a drain

    assert counts(destination) == {"pending": 0, "sent": 25, "dead": 0}
    received = second_lrs.statement_ids()
    assert sorted(i for i in received if i in set(ids)) == sorted(ids)
    assert len(received) == len(set(received))  # exactly once
    recovered = health(destination)
    assert recovered.consecutive_failures == 0
    assert recovered.failing_since is None
    assert recovered.last_success_at is not None
    assert recovered.sent_this_hour + recovered.sent_previous_hour == 25


@override_settings(ENGAGE_XAPI_CIRCUIT_THRESHOLD=THRESHOLD)
def test_a_poisoned_probe_keeps_the_circuit_open_and_the_next_probe_takes_another(
    second_lrs: SecondLRS,
    poison_proxy: PoisonProxy,
    eager_tasks: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    destination = destination_at(poison_proxy.url, second_lrs)
    ids = store(BATCH, poisoned=(0,))
    poison_proxy.down = True
    open_circuit(destination)
    assert len(poison_proxy.posts) <= THRESHOLD * MOST_POSTS_PER_OUTAGE

    poison_proxy.down = False
    time_passes()
    probe_due(destination)
    forwarding.drain(destination.pk)  # probes the oldest: the poisoned one
    assert poison_proxy.posts[-1] == 1
    assert health(destination).consecutive_failures == THRESHOLD + 1
    assert counts(destination)[OutboxEntry.State.DEAD] == 0

    probe_due(destination)
    with django_capture_on_commit_callbacks(execute=True):
        forwarding.drain(destination.pk)  # another statement gets through

    # Closed again: the woken drain isolates the poison as before.
    assert counts(destination) == {"pending": 0, "sent": BATCH - 1, "dead": 1}
    dead = OutboxEntry.objects.get(destination=destination, state="dead")
    assert str(dead.statement.statement_id) == ids[0]
    last = health(destination)
    assert (last.last_error_status, last.last_error) == (
        500,
        f"Internal Server Error: cannot store {ids[0]}",
    )
    received = second_lrs.statement_ids()
    assert sorted(i for i in received if i in set(ids)) == sorted(ids[1:])


@override_settings(ENGAGE_XAPI_CIRCUIT_THRESHOLD=THRESHOLD)
def test_an_open_circuit_with_nothing_pending_probes_the_about_resource(
    second_lrs: SecondLRS, requests_sent: list[str]
) -> None:
    destination = destination_at(second_lrs.url, second_lrs)
    DestinationHealth.objects.create(
        destination=destination,
        consecutive_failures=THRESHOLD,
        failing_since=timezone.now(),
        next_probe_at=timezone.now() - timedelta(seconds=1),
        probe_interval=timedelta(seconds=30),
    )
    forwarding.drain(destination.pk)
    assert requests_sent == [f"{second_lrs.url}about"]
    assert health(destination).consecutive_failures == 0


# --- the operator's page -----------------------------------------------------------


def failing_destination() -> Destination:
    destination = Destination.objects.create(
        name="Ralph", endpoint="http://127.0.0.1:9/xapi/", username="u", password="p"
    )
    DestinationHealth.objects.create(
        destination=destination,
        consecutive_failures=THRESHOLD,
        failing_since=timezone.now() - timedelta(minutes=20),
        next_probe_at=timezone.now() + timedelta(minutes=10),
        probe_interval=timedelta(minutes=10),
        last_error_status=503,
        last_error="<script>alert(1)</script> maintenance",
        last_error_at=timezone.now() - timedelta(minutes=1),
        last_success_at=timezone.now() - timedelta(minutes=21),
        hour=timezone.now().replace(minute=0, second=0, microsecond=0),
        sent_this_hour=40,
        sent_previous_hour=1234,
    )
    store_statements([statement(), statement()], client=None)
    OutboxEntry.objects.filter(destination=destination).update(state="pending")
    return destination


@override_settings(ENGAGE_XAPI_CIRCUIT_THRESHOLD=THRESHOLD)
def test_the_forwarding_page_tells_down_from_busy(faculty: Any) -> None:
    failing_destination()
    client = Client()
    client.force_login(person(Role.PROGRAMME_ADMIN, faculty=faculty))
    with override_settings(LANGUAGE_CODE="en"):
        page = client.get("/admin/xapi/forwarding/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-state="open"' in html
    assert "Failing since" in html and "next probe" in html
    assert "HTTP 503 — &lt;script&gt;alert(1)&lt;/script&gt; maintenance" in html
    assert "<script>alert(1)</script>" not in html  # escaped, never markup
    assert "40 this hour, 1234 the hour before" in html
    assert "Probe now" in html
    assert "<dt>Pending</dt><dd>2</dd>" in html


@override_settings(ENGAGE_XAPI_CIRCUIT_THRESHOLD=THRESHOLD)
def test_probe_now_makes_the_probe_due_and_queues_a_drain(
    faculty: Any, django_capture_on_commit_callbacks: Any
) -> None:
    destination = failing_destination()
    client = Client()
    client.force_login(person(Role.PROGRAMME_ADMIN, faculty=faculty))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(f"/admin/xapi/forwarding/{destination.pk}/probe/")
    assert response.status_code == 302
    assert health(destination).next_probe_at <= timezone.now()
    assert len(queued) == 1  # the drain, enqueued after the commit


@pytest.mark.parametrize("role", [Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR])
def test_other_roles_see_no_forwarding_state_and_cannot_probe(
    faculty: Any, role: Role
) -> None:
    destination = failing_destination()
    before = health(destination).next_probe_at
    client = Client()
    client.force_login(person(role, faculty=faculty))
    page = client.get("/admin/xapi/forwarding/")
    assert page.status_code in (302, 403)
    assert b"maintenance" not in page.content
    response = client.post(f"/admin/xapi/forwarding/{destination.pk}/probe/")
    assert response.status_code in (302, 403)
    assert health(destination).next_probe_at == before


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    destination = failing_destination()
    assert Client().get("/admin/xapi/forwarding/").status_code == 302
    response = Client().post(f"/admin/xapi/forwarding/{destination.pk}/probe/")
    assert response.status_code == 302


@override_settings(
    ENGAGE_XAPI_CIRCUIT_THRESHOLD=0,
    ENGAGE_XAPI_PROBE_BASE_SECONDS=0,
    ENGAGE_XAPI_PROBE_MAX_SECONDS=-5,
)
def test_settings_that_would_hammer_are_raised_to_the_least_sane_value() -> None:
    policy = circuit_policy()
    assert policy.threshold == 1
    assert policy.probe_base == policy.probe_max == timedelta(seconds=1)
