"""The circuit breaker of a forwarding destination, as pure rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from lms.xapi.rules.circuit import (
    Circuit,
    Decision,
    Policy,
    State,
    Throughput,
    after_outage,
    after_success,
    decide,
    error_excerpt,
    probe_now,
    roll,
    storable,
)

POLICY = Policy(
    threshold=3, probe_base=timedelta(seconds=30), probe_max=timedelta(minutes=4)
)
T0 = datetime(2026, 12, 7, 10, 15, tzinfo=UTC)


def failed(times: int, now: datetime = T0) -> Circuit:
    circuit = Circuit()
    for _ in range(times):
        circuit = after_outage(circuit, POLICY, now)
    return circuit


def test_a_new_destination_is_healthy_and_sends() -> None:
    assert Circuit().state(POLICY) is State.HEALTHY
    assert decide(Circuit(), POLICY, T0) is Decision.SEND


def test_failures_below_the_threshold_back_off_but_still_send() -> None:
    circuit = failed(2)
    assert circuit.state(POLICY) is State.BACKING_OFF
    assert circuit.failing_since == T0
    assert circuit.next_probe_at is None
    assert decide(circuit, POLICY, T0) is Decision.SEND


def test_the_threshold_opens_the_circuit_and_schedules_a_probe() -> None:
    circuit = failed(3)
    assert circuit.state(POLICY) is State.OPEN
    assert circuit.next_probe_at == T0 + timedelta(seconds=30)
    assert decide(circuit, POLICY, T0) is Decision.WAIT
    assert decide(circuit, POLICY, T0 + timedelta(seconds=29)) is Decision.WAIT
    assert decide(circuit, POLICY, T0 + timedelta(seconds=30)) is Decision.PROBE


def test_failing_since_is_the_first_failure_of_the_streak() -> None:
    circuit = after_outage(Circuit(), POLICY, T0)
    later = after_outage(circuit, POLICY, T0 + timedelta(minutes=5))
    assert later.failing_since == T0


def test_failed_probes_double_the_interval_up_to_the_cap() -> None:
    circuit = failed(3)
    intervals = []
    now = T0
    for _ in range(6):
        now = circuit.next_probe_at  # type: ignore[assignment]
        circuit = after_outage(circuit, POLICY, now)
        intervals.append(circuit.probe_interval.total_seconds())
    assert intervals == [60, 120, 240, 240, 240, 240]
    assert circuit.next_probe_at == now + timedelta(minutes=4)
    assert circuit.state(POLICY) is State.OPEN


def test_a_success_closes_the_circuit_and_forgets_the_streak() -> None:
    assert after_success(failed(7)) == Circuit()
    assert after_success(failed(7)).state(POLICY) is State.HEALTHY


def test_probe_now_makes_an_open_circuit_probe_at_once() -> None:
    circuit = probe_now(failed(3), POLICY, T0 + timedelta(seconds=1))
    assert decide(circuit, POLICY, T0 + timedelta(seconds=1)) is Decision.PROBE
    # A closed circuit is left as it is.
    assert probe_now(failed(1), POLICY, T0) == failed(1)


def test_a_threshold_of_one_opens_at_the_first_failure() -> None:
    policy = Policy(1, timedelta(seconds=10), timedelta(seconds=5))
    circuit = after_outage(Circuit(), policy, T0)
    assert circuit.state(policy) is State.OPEN
    assert circuit.probe_interval == timedelta(seconds=5)  # never above the cap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HTTP 500: <html><body><h1>Oops</h1>\n<p>db\tdown</p></body></html>",
         "HTTP 500: Oops db down"),
        ("a\x00b\x1bc\x7fd\ud800e", "a b c d e"),
        ("<style>p{}</style><SCRIPT>alert(1)</script >Oops<script>x", "Oops"),
        ("   ", ""),
    ],
)  # fmt: skip
def test_error_excerpts_are_one_line_of_plain_text(text: str, expected: str) -> None:
    assert error_excerpt(text) == expected


def test_a_long_error_is_cut() -> None:
    excerpt = error_excerpt("x" * 100_000)
    assert len(excerpt) == 300
    assert excerpt.endswith("…")


def test_throughput_counts_the_current_hour_and_the_one_before() -> None:
    counted = roll(Throughput(), T0, add=5)
    counted = roll(counted, T0 + timedelta(minutes=30), add=7)
    assert (counted.this_hour, counted.previous_hour) == (12, 0)
    next_hour = roll(counted, T0 + timedelta(minutes=50), add=1)
    assert (next_hour.this_hour, next_hour.previous_hour) == (1, 12)
    # Seen later with no delivery: the hour has rolled over with nothing sent.
    assert roll(next_hour, T0 + timedelta(hours=1, minutes=50)) == Throughput(
        hour=datetime(2026, 12, 7, 12, tzinfo=UTC), this_hour=0, previous_hour=1
    )
    # After a silent hour, nothing was sent in the hour before.
    assert roll(next_hour, T0 + timedelta(hours=3)).previous_hour == 0


def test_an_answer_is_kept_without_what_a_database_refuses() -> None:
    assert (
        storable("HTTP 500: a\x00b\ud800c <b>ok</b>")
        == "HTTP 500: a\ufffdb\ufffdc <b>ok</b>"
    )
