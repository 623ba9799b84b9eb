"""One poisoned statement among many: does forwarding isolate it, and how fast?

Bulk-creates N statements in the embedded store with one outbox entry each for
one destination: a local HTTP server (a process of its own) that keeps every
statement id it receives and answers 500 to any batch holding the poisoned
statement, as an LRS whose parser breaks on it would. Then it runs the drain as
a worker does (the Celery task function, called in this process until nothing
is pending) and prints: delivered (must be N-1), duplicates (0), dead letters
(1), the time until the destination refused the poison on its own (it is
dead-lettered at once after that answer), total time, and peak memory.

    .venv/bin/python bench/forwarding_poison.py                    # SQLite in var/bench/
    .venv/bin/python bench/forwarding_poison.py --statements 10000
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_poison \\
        .venv/bin/python bench/forwarding_poison.py
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
VERB = "http://adlnet.gov/expapi/verbs/experienced"


# --- the destination: a process of its own ----------------------------------------


def serve(port: int, poison_id: str) -> None:
    """Keep every statement id received; 500 for any batch holding the poison."""
    received: list[str] = []
    state: dict[str, Any] = {"poison_alone_at": None, "posts": 0}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            ids = [statement["id"] for statement in json.loads(body)]
            state["posts"] += 1
            if poison_id in ids:
                if len(ids) == 1:
                    state["poison_alone_at"] = time.time()
                self._answer(500, b'"cannot store the poisoned statement"')
                return
            received.extend(ids)
            self._answer(200, json.dumps(ids).encode())

        def do_GET(self) -> None:  # noqa: N802
            stats = {
                "received": len(received),
                "unique": len(set(received)),
                "poison_received": poison_id in received,
                **state,
            }
            self._answer(200, json.dumps(stats).encode())

        def _answer(self, status: int, content: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def start_destination(port: int, poison_id: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), "--poison", poison_id]
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            stats(port)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the destination did not start")


def stats(port: int) -> dict[str, Any]:
    url = f"http://127.0.0.1:{port}/stats"
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local
        result: dict[str, Any] = json.loads(response.read())
    return result


# --- the site: statements, outbox, drain ----------------------------------------------


def setup_django() -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / "forwarding_poison.sqlite3"
    if "DATABASE_URL" not in os.environ:
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def statement(index: int, moment: datetime) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": f"mailto:l{index % 5000}@example.org"},
        "verb": {"id": VERB, "display": {"en-US": "experienced"}},
        "object": {
            "objectType": "Activity",
            "id": f"https://lms.example.org/activities/{index % 997}",
        },
        "timestamp": moment.isoformat(),
        "stored": moment.isoformat(),
        "version": "1.0.0",
    }


def fill(count: int, port: int, batch_size: int, poison_index: int) -> tuple[Any, str]:
    """N statements, each with an outbox entry for the destination; the poisoned
    statement's id."""
    from django.db import transaction

    from lms.xapi.models import Destination, OutboxEntry, Statement

    Destination.objects.all().delete()
    Statement.objects.all().delete()
    destination = Destination.objects.create(
        name="bench-poison", endpoint=f"http://127.0.0.1:{port}/xapi/",
        username="bench", password="bench",  # noqa: S106 - a local test server
        batch_size=batch_size, timeout_seconds=30,
    )  # fmt: skip
    start = datetime.now(UTC) - timedelta(days=1)
    poison_id = ""
    for offset in range(0, count, 5000):
        rows = []
        for index in range(offset, min(offset + 5000, count)):
            moment = start + timedelta(milliseconds=index)
            data = statement(index, moment)
            if index == poison_index:
                poison_id = data["id"]
            rows.append(
                Statement(
                    statement_id=data["id"], payload=data, stored=moment,
                    timestamp=moment, verb_iri=VERB, actor_key=f"{index % 5000:064x}",
                    object_activity_iri=data["object"]["id"],
                )
            )  # fmt: skip
        with transaction.atomic():
            Statement.objects.bulk_create(rows, batch_size=1000)
    now = datetime.now(UTC)
    pks = Statement.objects.order_by("pk").values_list("pk", flat=True).iterator()
    OutboxEntry.objects.bulk_create(
        (OutboxEntry(destination=destination, statement_id=pk, next_attempt_at=now,
                     created_at=now) for pk in pks), batch_size=5000,
    )  # fmt: skip
    return destination, poison_id


def drain_as_a_worker(destination: Any) -> int:
    """Call the task as Celery would, until nothing is pending; how many calls."""
    from lms.xapi.models import OutboxEntry
    from lms.xapi.tasks import forward_statements

    pending = OutboxEntry.objects.filter(
        destination=destination, state=OutboxEntry.State.PENDING
    )
    calls = 0
    while pending.exists():
        forward_statements(destination.pk)
        calls += 1
        if calls > 10_000:
            raise RuntimeError("the drain makes no progress")
    return calls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--port", type=int, default=8795)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--poison", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.poison)
        return
    setup_django()
    from django.db import connection

    from lms.xapi.models import OutboxEntry

    poison_index = args.statements * 2 // 3
    t0 = time.perf_counter()
    # The destination learns the poisoned id once it exists: start it after.
    destination, poison_id = fill(args.statements, args.port, args.batch_size,
                                  poison_index)  # fmt: skip
    print(f"database: {connection.vendor}; {args.statements} statements and outbox "
          f"entries in {time.perf_counter() - t0:.1f} s")  # fmt: skip
    server = start_destination(args.port, poison_id)
    try:
        started = time.time()
        t1 = time.perf_counter()
        calls = drain_as_a_worker(destination)
        total = time.perf_counter() - t1
        received = stats(args.port)
    finally:
        server.terminate()
        server.wait(timeout=10)
    entries = OutboxEntry.objects.filter(destination=destination)
    dead = entries.filter(state=OutboxEntry.State.DEAD)
    dead_ids = [str(i) for i in dead.values_list("statement__statement_id", flat=True)]
    alone = received["poison_alone_at"]
    print(f"delivered: {received['unique']} (of {args.statements - 1} expected), "
          f"duplicates: {received['received'] - received['unique']}, "
          f"poison delivered: {received['poison_received']}")  # fmt: skip
    print(f"dead letters: {len(dead_ids)} (the poisoned one: {dead_ids == [poison_id]}), "
          f"pending: {entries.filter(state=OutboxEntry.State.PENDING).count()}")  # fmt: skip
    if alone is not None:
        print(f"poison refused on its own (then dead-lettered) after "
              f"{alone - started:.1f} s")  # fmt: skip
    print(f"total drain time: {total:.1f} s ({calls} task calls, {received['posts']} "
          f"POSTs, batches of {args.batch_size}): "
          f"{received['unique'] / total:.0f} statements/s")  # fmt: skip
    # ru_maxrss is in KiB on Linux: this process (the worker's side) only.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the bench process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
