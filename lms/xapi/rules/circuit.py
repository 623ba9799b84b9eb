"""The circuit breaker of one forwarding destination, as pure functions.

A destination is *healthy* until a delivery fails as an outage (every request,
down to single statements, failed without a verdict). Then it is *backing off*:
its entries wait their own back-off and are tried again. After `threshold`
outage failures in a row the circuit is *open* ("failing since …"): the drain
sends no batches, only one probe when `next_probe_at` has come, at intervals
that double from `probe_base` up to `probe_max`. Any delivery or verdict (a
statement accepted, or refused with 400/409/413) closes it again.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta


class State(enum.StrEnum):
    HEALTHY = "healthy"
    BACKING_OFF = "backing_off"
    OPEN = "open"


class Decision(enum.StrEnum):
    SEND = "send"  # claim and send batches as usual
    PROBE = "probe"  # open, and a probe is due: send one small request
    WAIT = "wait"  # open, and the next probe is not due yet: send nothing


@dataclass(frozen=True)
class Policy:
    threshold: int  # outage failures in a row that open the circuit
    probe_base: timedelta  # the first probe interval
    probe_max: timedelta  # the longest probe interval


@dataclass(frozen=True)
class Circuit:
    consecutive_failures: int = 0
    failing_since: datetime | None = None
    next_probe_at: datetime | None = None
    probe_interval: timedelta = timedelta(0)

    def state(self, policy: Policy) -> State:
        if self.consecutive_failures == 0:
            return State.HEALTHY
        if self.consecutive_failures < policy.threshold:
            return State.BACKING_OFF
        return State.OPEN


def decide(circuit: Circuit, policy: Policy, now: datetime) -> Decision:
    """What the drain may do now."""
    if circuit.state(policy) is not State.OPEN:
        return Decision.SEND
    if circuit.next_probe_at is None or circuit.next_probe_at <= now:
        return Decision.PROBE
    return Decision.WAIT


def after_success(circuit: Circuit) -> Circuit:
    """The destination accepted or judged statements: it is up."""
    return Circuit()


def after_outage(circuit: Circuit, policy: Policy, now: datetime) -> Circuit:
    """A delivery or a probe failed as an outage."""
    failures = circuit.consecutive_failures + 1
    failing = replace(
        circuit,
        consecutive_failures=failures,
        failing_since=circuit.failing_since or now,
    )
    if failures < policy.threshold:
        return failing
    if circuit.probe_interval:
        interval = min(circuit.probe_interval * 2, policy.probe_max)
    else:
        interval = min(policy.probe_base, policy.probe_max)
    return replace(failing, probe_interval=interval, next_probe_at=now + interval)


def probe_now(circuit: Circuit, policy: Policy, now: datetime) -> Circuit:
    """An operator asked for a probe: the next drain probes at once (an open
    circuit) or sends as usual (a closed one)."""
    if circuit.state(policy) is not State.OPEN:
        return circuit
    return replace(circuit, next_probe_at=now)


# --- what the operator is shown ------------------------------------------------

ERROR_EXCERPT_CHARS = 300
_TAGS = re.compile(r"<[^>]*>")
_SCRIPTS = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """A destination's answer as a database can keep it: no NUL (PostgreSQL
    refuses it in text) and no lone surrogate (not encodable as UTF-8)."""
    return _UNSTORABLE.sub("\ufffd", text)


def error_excerpt(text: str, limit: int = ERROR_EXCERPT_CHARS) -> str:
    """A destination's answer as one short line of plain text: no markup (nor
    scripts and styles), no control characters, whitespace collapsed, cut at
    `limit` characters."""
    plain = _CONTROL.sub(" ", _TAGS.sub(" ", _SCRIPTS.sub(" ", text)))
    line = " ".join(plain.split())
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Throughput:
    """Statements delivered in the current clock hour and in the one before:
    two counters, updated with each delivery, never a scan of the outbox."""

    hour: datetime | None = None
    this_hour: int = 0
    previous_hour: int = 0


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def roll(throughput: Throughput, now: datetime, *, add: int = 0) -> Throughput:
    """The counters as seen at `now`, with `add` statements delivered: an hour
    that has passed becomes the previous hour (or zero, when more than an hour
    passed with no delivery)."""
    hour = hour_of(now)
    if throughput.hour == hour:
        return replace(throughput, this_hour=throughput.this_hour + add)
    previous = 0
    if throughput.hour is not None and throughput.hour + timedelta(hours=1) == hour:
        previous = throughput.this_hour
    return Throughput(hour=hour, this_hour=add, previous_hour=previous)
