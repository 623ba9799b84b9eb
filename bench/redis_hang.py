"""Journal saves and password resets while Redis hangs, then the queue drains.

Issue 23's aim: with Redis accepting connections but never answering, the p95 of
a journal save stays under 2.5 s, and once Redis answers again every e-mail that
was queued meanwhile is sent (0 lost).

The README's `python3 dev.py run` (runserver and a Celery worker with beat) gets
Redis as its broker and cache through a TCP proxy (tests/lms/tcp_proxy.py), on
Redis databases 7 and 8 so no other user of the server is touched. Lecturers
autosave their journal and people ask for password resets (an e-mail each) for
--healthy seconds, then for --hang seconds with the proxy hanging, then the
proxy passes again and the bench waits until no e-mail is unsent (the beat
sweeper picks up what could not be queued). Prints p50/p95/max per phase,
statuses, how long the drain took and e-mails sent versus asked for, and the
peak memory of the largest server process.

    .venv/bin/python bench/redis_hang.py
    .venv/bin/python bench/redis_hang.py --lecturers 10 --hang 60
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.lms.tcp_proxy import TcpProxy  # noqa: E402
from tests.load.driver import Person, Tally, _field  # noqa: E402
from tests.load.server import PYTHON, dev_run, prepare  # noqa: E402

UNSENT = (
    "from lms.notifications.models import OutgoingEmail as E; "
    "print(E.objects.count(), E.objects.filter(sent_at__isnull=True).count())"
)


def _figures(seconds: list[float]) -> dict[str, float]:
    if not seconds:
        return {}
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def _saver(person: Person, who: dict[str, Any], until: float, out: list) -> None:
    edit = f"/journal/{who['entry']}/edit/"
    _status, page, _url = person.request("journal page", edit)
    version = _field(page, "version")
    number = 0
    while time.monotonic() < until:
        number += 1
        form = {"title": f"Entry {who['username']}", "version": version,
                "session": "", "assignment": "",
                "section_what": f"save {number}", "section_so_what": "so",
                "section_now_what": "now"}  # fmt: skip
        started = time.monotonic()
        status, body, _url = person.request("save", edit, form, {"X-Autosave": "1"})
        out.append((time.monotonic() - started, status))
        if status == 200:
            version = str(json.loads(body)["version"])
        time.sleep(0.2)


def _resetter(person: Person, emails: list[str], until: float, out: list) -> None:
    number = 0
    while time.monotonic() < until:
        started = time.monotonic()
        status, _body, _url = person.request(
            "reset", "/accounts/password/reset/", {"email": emails[number % len(emails)]}
        )  # fmt: skip
        out.append((time.monotonic() - started, status))
        number += 1
        time.sleep(0.5)


def _phase(base: str, world: dict, seconds: float, people: dict) -> dict[str, Any]:
    saves: list = []
    resets: list = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_saver, args=(people[w["username"]], w, until, saves))
        for w in world["lecturers"]
    ]
    emails = [f"{w['username']}@engage-pd.example" for w in world["lecturers"]]
    threads.append(
        threading.Thread(
            target=_resetter, args=(people["_anon"], emails, until, resets)
        )
    )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "journal saves": _figures([s for s, _ in saves]),
        "save statuses": _count(saves),
        "password resets": _figures([s for s, _ in resets]),
        "reset statuses": _count(resets),
    }


def _count(answers: list) -> dict[int, int]:
    counts: dict[int, int] = {}
    for _seconds, status in answers:
        counts[status] = counts.get(status, 0) + 1
    return counts


def _unsent(env: dict[str, str]) -> tuple[int, int]:
    result = subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", "shell", "-c", UNSENT], cwd=ROOT, check=True,
        capture_output=True, text=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "lms.site.settings.dev"},
    )  # fmt: skip
    total, unsent = result.stdout.split()[-2:]
    return int(total), int(unsent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lecturers", type=int, default=5)
    parser.add_argument("--healthy", type=float, default=20)
    parser.add_argument("--hang", type=float, default=30)
    parser.add_argument("--drain-limit", type=float, default=420)
    parser.add_argument("--keep-log", help="copy dev.py run's output here")
    args = parser.parse_args()
    subprocess.run(["redis-cli", "-n", "7", "flushdb"], check=True, capture_output=True)  # noqa: S607
    subprocess.run(["redis-cli", "-n", "8", "flushdb"], check=True, capture_output=True)  # noqa: S607
    result: dict[str, Any] = {}
    with TcpProxy("127.0.0.1", 6379) as proxy, tempfile.TemporaryDirectory() as scratch:
        redis = f"redis://127.0.0.1:{proxy.port}"
        extra = {"CELERY_BROKER_URL": f"{redis}/7", "CACHE_URL": f"{redis}/8"}
        with dev_run(Path(scratch), extra=extra) as (base, env):
            world = prepare(env, lecturers=args.lecturers, coaches=1)
            tally = Tally()
            people = {w["username"]: Person(base, tally) for w in world["lecturers"]}
            for username, person in people.items():
                person.sign_in(username)
            people["_anon"] = Person(base, tally)
            people["_anon"].request("reset form", "/accounts/password/reset/")
            result["healthy"] = _phase(base, world, args.healthy, people)
            proxy.hang()
            result["redis hanging"] = _phase(base, world, args.hang, people)
            proxy.pass_through()
            back = time.monotonic()
            total, unsent = _unsent(env)
            while unsent and time.monotonic() - back < args.drain_limit:
                time.sleep(5)
                total, unsent = _unsent(env)
            result["after redis returned"] = {
                "emails asked for": total,
                "emails unsent": unsent,
                "seconds until all sent": round(time.monotonic() - back, 1),
            }
        if args.keep_log:
            Path(args.keep_log).write_bytes(
                (Path(scratch) / "dev-run.log").read_bytes()
            )
    result["server_peak_rss_mib"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )
    print(json.dumps(result, indent=1))  # noqa: T201
    hanging = result["redis hanging"]["journal saves"]
    return 0 if unsent == 0 and hanging.get("p95_ms", 0) < 2500 else 1


if __name__ == "__main__":
    raise SystemExit(main())
