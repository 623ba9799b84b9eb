"""Throughput and latency of the embedded LRS under gunicorn with 2 workers.

Prints: statements/s for batches of 100 and for single POSTs (with p50/p95),
p50/p95 of filtered GET queries with N statements stored, the time record()
adds to a service call, and the rate at which forwarding drains a backlog to a
second live LRS. Peak resident memory of this process is printed at the end.

    .venv/bin/python bench/xapi_lrs.py                       # SQLite in var/bench/
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_xapi \\
        .venv/bin/python bench/xapi_lrs.py --stored 1000000 --backlog 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from base64 import b64encode
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'xapi.sqlite3'}")
from certification.openbadges.keys import generate_private_key_multibase  # noqa: E402

SERVER_ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "lms.site.settings.production",
    "SECRET_KEY": "bench-" + "x" * 60,
    "SECURE_SSL_REDIRECT": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "CELERY_TASK_ALWAYS_EAGER": "false",
    "LOG_LEVEL": "WARNING",
    # Production does not start without a certificate issuing key (a fresh one).
    "ENGAGE_CERTIFICATION_KEYS": "bench:" + generate_private_key_multibase(),
}
os.environ.update(
    {k: v for k, v in SERVER_ENV.items() if k != "DJANGO_SETTINGS_MODULE"}
)
os.environ["DJANGO_SETTINGS_MODULE"] = "lms.site.settings.production"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from lms.xapi.data import ActivityRef, LearningEvent, ResultData  # noqa: E402
from lms.xapi.models import (  # noqa: E402
    Destination,
    OutboxEntry,
    Statement,
    StatementActivity,
    StatementAgent,
    agent_key,
)
from lms.xapi.services import create_client, forwarding, record  # noqa: E402
from lms.xapi.vocabulary import ActivityTypes, Verbs  # noqa: E402

VERBS = [f"http://adlnet.gov/expapi/verbs/{v}" for v in
         ("attempted", "completed", "passed", "failed", "experienced", "attended")]  # fmt: skip
ACTIVITIES = [f"https://content.example.org/activities/{n}" for n in range(2000)]
LEARNERS = 5000
REGISTRATIONS = [str(uuid.uuid4()) for _ in range(5000)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def make_statement(rng: random.Random) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": f"mailto:learner{rng.randrange(LEARNERS)}@example.org"},
        "verb": {"id": rng.choice(VERBS), "display": {"en-US": "did"}},
        "object": {"id": rng.choice(ACTIVITIES), "objectType": "Activity"},
        "context": {
            "registration": rng.choice(REGISTRATIONS),
            "contextActivities": {"parent": [{"id": rng.choice(ACTIVITIES[:50])}]},
        },
        "timestamp": datetime.now(UTC).isoformat(),
    }


class Server:
    def __init__(self, port: int, env: dict[str, str]) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "lms.site.wsgi", "--workers", "2",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/xapi/about", timeout=1)  # noqa: S310
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def request(url: str, auth: str, method: str = "GET", body: Any = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)  # noqa: S310
    req.add_header("Authorization", auth)
    req.add_header("X-Experience-API-Version", "1.0.3")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as response:  # noqa: S310
        return json.loads(response.read() or b"null")


def bench_posts(server: Server, auth: str, batches: int, singles: int) -> None:
    rng = random.Random(1)
    payloads = [[make_statement(rng) for _ in range(100)] for _ in range(batches)]
    url = f"{server.url}/xapi/statements"
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(chunk: list[list[dict[str, Any]]]) -> None:
        for batch in chunk:
            started = time.perf_counter()
            request(url, auth, "POST", batch)
            with lock:
                latencies.append(time.perf_counter() - started)

    threads = [
        threading.Thread(target=worker, args=(payloads[i::2],)) for i in range(2)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    print(
        f"POST batches of 100 (2 clients): {batches * 100 / elapsed:8.0f} statements/s"
        f"   p50 {statistics.median(latencies) * 1000:6.1f} ms"
        f"   p95 {percentile(latencies, 0.95) * 1000:6.1f} ms per batch"
    )
    single_latencies = []
    started = time.perf_counter()
    for _ in range(singles):
        one = make_statement(rng)
        t0 = time.perf_counter()
        request(url, auth, "POST", one)
        single_latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    print(
        f"POST single statements (1 client): {singles / elapsed:8.0f} statements/s"
        f"   p50 {statistics.median(single_latencies) * 1000:6.1f} ms"
        f"   p95 {percentile(single_latencies, 0.95) * 1000:6.1f} ms"
    )


def fill(stored: int) -> None:
    """Insert statements directly (with their index rows) up to `stored`."""
    have = Statement.objects.count()
    rng = random.Random(2)
    start = datetime.now(UTC) - timedelta(days=365)
    chunk = 5000
    t0 = time.perf_counter()
    while have < stored:
        size = min(chunk, stored - have)
        rows, agents, activities = [], [], []
        for n in range(size):
            data = make_statement(rng)
            moment = start + timedelta(seconds=(have + n) * 10)
            data["stored"] = data["timestamp"] = moment.isoformat()
            rows.append(
                Statement(
                    statement_id=data["id"], payload=data, stored=moment, timestamp=moment,
                    verb_iri=data["verb"]["id"], actor_key=agent_key(data["actor"]),
                    object_activity_iri=data["object"]["id"],
                    registration=data["context"]["registration"],
                )
            )  # fmt: skip
        with transaction.atomic():
            Statement.objects.bulk_create(rows, batch_size=1000)
            if connection.vendor != "postgresql":  # bulk_create gives no pks there
                ids = dict(
                    Statement.objects.filter(
                        statement_id__in=[r.statement_id for r in rows]
                    ).values_list("statement_id", "pk")
                )
                for row in rows:
                    row.pk = ids[uuid.UUID(str(row.statement_id))]
            for row in rows:
                agents.append(
                    StatementAgent(
                        statement_id=row.pk, agent_key=row.actor_key, is_direct=True
                    )
                )
                activities.append(
                    StatementActivity(
                        statement_id=row.pk,
                        activity_iri=row.object_activity_iri,
                        is_direct=True,
                    )
                )
                parent = row.payload["context"]["contextActivities"]["parent"][0]["id"]
                activities.append(
                    StatementActivity(
                        statement_id=row.pk, activity_iri=parent, is_direct=False
                    )
                )
            StatementAgent.objects.bulk_create(agents, batch_size=2000)
            StatementActivity.objects.bulk_create(activities, batch_size=2000)
        have += size
        if have % 100000 < chunk:
            print(
                f"  … {have} statements stored ({time.perf_counter() - t0:.0f} s)",
                flush=True,
            )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def bench_queries(server: Server, auth: str, runs: int) -> None:
    rng = random.Random(3)
    url = f"{server.url}/xapi/statements"
    queries = {
        "agent": lambda: {"agent": json.dumps({"mbox": f"mailto:learner{rng.randrange(LEARNERS)}@example.org"})},
        "verb": lambda: {"verb": rng.choice(VERBS)},
        "activity": lambda: {"activity": rng.choice(ACTIVITIES)},
        "activity+related": lambda: {"activity": rng.choice(ACTIVITIES[:50]), "related_activities": "true"},
        "registration": lambda: {"registration": rng.choice(REGISTRATIONS)},
        "verb+since": lambda: {"verb": rng.choice(VERBS), "since": (datetime.now(UTC) - timedelta(days=30)).isoformat()},
        "unfiltered": lambda: {},
    }  # fmt: skip
    for name, make in queries.items():
        latencies = []
        for _ in range(runs):
            params = urllib.parse.urlencode({**make(), "limit": "50"})
            t0 = time.perf_counter()
            request(f"{url}?{params}", auth)
            latencies.append(time.perf_counter() - t0)
        print(
            f"GET {name:<18} p50 {statistics.median(latencies) * 1000:7.1f} ms"
            f"   p95 {percentile(latencies, 0.95) * 1000:7.1f} ms"
        )


def bench_record(count: int) -> None:
    """What record() adds to a service call: a transaction that writes one row,
    with and without recording a statement in it. The event is shaped like a
    trajectory's (registration, cohort as parent, programme as grouping, a
    result), by a different person each time, in one of 2,000 sessions."""
    from lms.notifications.models import OutgoingEmail

    base = "https://pd.example.edu/xapi/activities"

    def event(n: int) -> LearningEvent:
        return LearningEvent(
            identity=f"bench-record:{uuid.uuid4()}:{n}", actor_xapi_id=uuid.uuid4(),
            verb=Verbs.ATTENDED,
            object=ActivityRef(f"{base}/session/{n % 2000}", ActivityTypes.SESSION,
                               f"Session {n % 10 + 1}", f"Bijeenkomst {n % 10 + 1}"),
            timestamp=datetime.now(UTC), registration=uuid.uuid4(),
            parents=(ActivityRef(f"{base}/cohort/{n % 200}", ActivityTypes.COHORT,
                                 f"Cohort {n % 200}"),),
            groupings=(ActivityRef(f"{base}/programme/{n % 5}", ActivityTypes.PROGRAMME,
                                   "Inclusive teaching", "Inclusief lesgeven"),),
            result=ResultData(completion=True),
        )  # fmt: skip

    def service_call(n: int, *, with_record: bool) -> None:
        with transaction.atomic():
            OutgoingEmail.objects.create(to="bench@example.org", subject="s", body="b")
            if with_record:
                record(event(n))

    timings = {}
    for with_record in (False, True, False, True):  # interleaved against drift
        t0 = time.perf_counter()
        for n in range(count // 2):
            service_call(n, with_record=with_record)
        timings.setdefault(with_record, []).append(time.perf_counter() - t0)
    per_call = {k: sum(v) / count * 1000 for k, v in timings.items()}
    OutgoingEmail.objects.filter(to="bench@example.org").delete()
    print(
        f"service call without record(): {per_call[False]:6.2f} ms, with: "
        f"{per_call[True]:6.2f} ms, so record() adds {per_call[True] - per_call[False]:5.2f} ms"
    )


def bench_forwarding(backlog: int) -> None:
    target_db = os.environ["DATABASE_URL"].rstrip("/") + "_target"
    if target_db.startswith("sqlite"):
        target_db = f"sqlite:///{BENCH_DIR / 'xapi-target.sqlite3'}"
        Path(BENCH_DIR / "xapi-target.sqlite3").unlink(missing_ok=True)
    else:
        import psycopg

        base, name = target_db.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    env = {**SERVER_ENV, "DATABASE_URL": target_db}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
    )
    credentials = json.loads(subprocess.run(
        [sys.executable, "manage.py", "create_lrs_client", "bench"], cwd=ROOT, env=env,
        check=True, capture_output=True, text=True).stdout)  # fmt: skip
    target = Server(8792, env)
    try:
        Destination.objects.all().delete()
        destination = Destination.objects.create(
            name="bench", endpoint=f"{target.url}/xapi/", username=credentials["key"],
            password=credentials["secret"], batch_size=500, timeout_seconds=60,
        )  # fmt: skip
        ids = list(
            Statement.objects.order_by("-pk").values_list("pk", flat=True)[:backlog]
        )
        now = datetime.now(UTC)
        OutboxEntry.objects.bulk_create(
            (OutboxEntry(destination=destination, statement_id=pk, next_attempt_at=now,
                         created_at=now) for pk in ids), batch_size=5000,
        )  # fmt: skip
        t0 = time.perf_counter()
        result = forwarding.drain(destination.pk, max_batches=10**6)
        elapsed = time.perf_counter() - t0
        print(
            f"forwarding drained {result.sent} statements in {elapsed:.1f} s: "
            f"{result.sent / elapsed:.0f} statements/s (batches of 500, failed "
            f"{result.failed}, dead {result.dead})"
        )
    finally:
        target.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=100)
    parser.add_argument("--singles", type=int, default=500)
    parser.add_argument("--query-runs", type=int, default=100)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--backlog", type=int, default=100_000)
    parser.add_argument(
        "--parts", default="http,record,forwarding",
        help="comma-separated: http (POSTs, fill, GETs), record, forwarding",
    )  # fmt: skip
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    _, secret = create_client(name=f"bench-{uuid.uuid4().hex[:8]}")
    client = _
    auth = "Basic " + b64encode(f"{client.key}:{secret}".encode()).decode()
    if "http" in parts:
        server = Server(8791, SERVER_ENV)
        try:
            bench_posts(server, auth, args.batches, args.singles)
            t0 = time.perf_counter()
            fill(args.stored)
            print(f"stored statements: {Statement.objects.count()} "
                  f"(filled in {time.perf_counter() - t0:.0f} s)")  # fmt: skip
            bench_queries(server, auth, args.query_runs)
        finally:
            server.stop()
    if "record" in parts:
        bench_record(args.records)
    if "forwarding" in parts:
        bench_forwarding(args.backlog)
    # Peak resident memory (ru_maxrss is in KiB on Linux); tracemalloc would slow
    # the data generation several times over.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the bench process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
