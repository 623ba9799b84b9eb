"""State PUT/GET round trips and activity-profile GETs against the embedded LRS.

gunicorn (1 sync worker, production settings) serves a scratch database: a
SQLite file in a temporary directory, or with --database-url a PostgreSQL
database created beside that URL and dropped afterwards. One client does
--rounds round trips on the State resource (PUT a ~1 KB JSON state document of
one of 100 learners, then GET it back and check its ETag), then GETs single
activity-profile documents with --stored of them in the table. Prints p50/p95
per kind of request, and the peak resident memory of the server and of this
process.

    .venv/bin/python bench/xapi_documents.py
    .venv/bin/python bench/xapi_documents.py --rounds 2000 --stored 100000 \\
        --database-url postgresql://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import http.client
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.load.server import free_port, own_database  # noqa: E402

ACTIVITY = "https://content.example.org/activities/h5p/42"
LEARNERS = 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--stored", type=int, default=10000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, _database(args, scratch) as url:
        env = _environment(url, Path(scratch))
        os.environ.update(env)
        import django

        django.setup()
        auth = _prepare(args.stored)
        with _server(env) as port:
            result = _measure(port, auth, args)
    result["server_peak_rss_mib"] = _SERVER_PEAK.get("mib", 0.0)
    result["bench_peak_rss_mib"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    result["database"] = "postgresql" if args.database_url else "sqlite"
    print(json.dumps(result, indent=1))  # noqa: T201
    return 0


@contextlib.contextmanager
def _database(args: argparse.Namespace, scratch: str) -> Iterator[str]:
    if args.database_url.startswith("postgres"):
        with own_database(args.database_url) as url:
            yield url
    else:
        yield f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"


def _environment(database_url: str, var_dir: Path) -> dict[str, str]:
    from certification.openbadges.keys import generate_private_key_multibase

    return {
        "DATABASE_URL": database_url,
        "ENGAGE_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "lms.site.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "LOG_LEVEL": "WARNING",
        "ENGAGE_CERTIFICATION_KEYS": "bench:" + generate_private_key_multibase(),
    }


def _prepare(stored: int) -> str:
    """Migrate, create an LRS client and `stored` activity-profile documents;
    the client's Authorization header."""
    from django.core.management import call_command
    from django.utils import timezone

    from lms.xapi.data import DocumentAddress
    from lms.xapi.models import Document
    from lms.xapi.rules.documents import activity_hash, address_key, etag_of
    from lms.xapi.services import create_client

    call_command("migrate", verbosity=0)
    client, secret = create_client(name="bench")
    now = timezone.now()
    content = b'{"outcomes": ["reflect", "adapt"]}'
    batch: list[Document] = []
    for n in range(stored):
        iri = f"https://pd.example.edu/programmes/{n}"
        address = DocumentAddress(
            resource="activity_profile", document_id="outcomes", activity_iri=iri
        )
        batch.append(
            Document(
                key=address_key(address), resource="activity_profile",
                activity_iri=iri, activity_hash=activity_hash(iri),
                document_id="outcomes", content=content,
                content_type="application/json", etag=etag_of(content), updated=now,
            )
        )  # fmt: skip
        if len(batch) == 5000:
            Document.objects.bulk_create(batch)
            batch = []
    Document.objects.bulk_create(batch)
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return f"Basic {token}"


_SERVER_PEAK: dict[str, float] = {}


def _peak_rss_mib(pid: int) -> float:
    """The largest VmHWM of gunicorn's master and its workers (ru_maxrss of a
    child would count this process's memory, which the child had before exec)."""
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [
            int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    peak = 0
    for one in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    return round(peak / 1024, 1)


@contextlib.contextmanager
def _server(env: dict[str, str]) -> Iterator[int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lms.site.wsgi", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, **env},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _call(port, "GET", "/xapi/about", {})
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        yield port
        _SERVER_PEAK["mib"] = _peak_rss_mib(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _call(
    port: int, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _measure(port: int, auth: str, args: argparse.Namespace) -> dict[str, Any]:
    headers = {"Authorization": auth, "X-Experience-API-Version": "1.0.3"}
    put_ms: list[float] = []
    get_ms: list[float] = []
    round_ms: list[float] = []
    statuses: dict[str, int] = {}
    for n in range(args.rounds + 50):  # the first 50 warm the worker up
        learner = {"mbox": f"mailto:learner{n % LEARNERS}@example.org"}
        query = urlencode(
            {"activityId": ACTIVITY, "agent": json.dumps(learner), "stateId": "resume"}
        )
        path = f"/xapi/activities/state?{query}"
        body = json.dumps({"page": n, "answers": ["x" * 40] * 20}).encode()
        t0 = time.perf_counter()
        put = _call(
            port, "PUT", path, {**headers, "Content-Type": "application/json"}, body
        )
        t1 = time.perf_counter()
        got = _call(port, "GET", path, headers)
        t2 = time.perf_counter()
        for status in (put[0], got[0]):
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        sha1 = hashlib.sha1(body, usedforsecurity=False).hexdigest()
        if got[2] != body or got[1].get("ETag") != f'"{sha1}"':
            raise SystemExit(f"round {n}: the document did not come back unchanged")
        if n >= 50:
            put_ms.append((t1 - t0) * 1000)
            get_ms.append((t2 - t1) * 1000)
            round_ms.append((t2 - t0) * 1000)
    profile_ms: list[float] = []
    for n in range(min(args.rounds, 1000)):
        iri = f"https://pd.example.edu/programmes/{(n * 7919) % max(args.stored, 1)}"
        query = urlencode({"activityId": iri, "profileId": "outcomes"})
        t0 = time.perf_counter()
        status, _headers, _body = _call(
            port, "GET", f"/xapi/activities/profile?{query}", headers
        )
        profile_ms.append((time.perf_counter() - t0) * 1000)
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "rounds": args.rounds,
        "state_round_trip_ms": _figures(round_ms),
        "state_put_ms": _figures(put_ms),
        "state_get_ms": _figures(get_ms),
        "activity_profiles_stored": args.stored,
        "activity_profile_get_ms": _figures(profile_ms),
        "statuses": statuses,
    }


def _figures(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(len(ordered) * 0.95)], 2),
    }


if __name__ == "__main__":
    raise SystemExit(main())
