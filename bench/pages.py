"""Time and memory of the foundation's pages against 5,000 people in 20 faculties.

Prints p50/p95/max milliseconds, the query count and the peak Python memory per page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.test")
if "DATABASE_URL" not in os.environ:
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench' / 'pages.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from lms.accounts.demo import seed_people  # noqa: E402
from lms.accounts.models import Faculty, Profile  # noqa: E402
from lms.accounts.roles import Role  # noqa: E402
from lms.accounts.services import FacultySeed, seed_faculties  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]


def generate(people: int, faculties: int) -> None:
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    seed_people()
    seeds = [
        FacultySeed(f"bench-{i}", f"Faculty {i}", f"Faculteit {i}")
        for i in range(faculties)
    ]
    all_faculties = seed_faculties(seeds)
    User = get_user_model()
    existing = User.objects.filter(username__startswith="bench-").count()
    if existing >= people:
        return
    lecturer_group = Group.objects.get(name=Role.LECTURER.group_name)
    # The demo coordinator's faculty gets a realistic large share (one in ten).
    arts = Faculty.objects.get(code="arts")
    with transaction.atomic():
        User.objects.bulk_create(
            User(username=f"bench-{n}", first_name=f"First{n}", last_name=f"Last{n}",
                 email=f"bench-{n}@example.org")
            for n in range(existing, people)
        )  # fmt: skip
        users = list(
            User.objects.filter(username__startswith="bench-", engage_profile=None)
        )
        Profile.objects.bulk_create(
            Profile(
                user=user,
                faculty=arts if i % 10 == 0 else all_faculties[i % faculties],
                department="Department of Examples",
            )
            for i, user in enumerate(users)
        )
        lecturer_group.user_set.add(*users)


def measure(client: Client, path: str, runs: int) -> None:
    client.get(path)  # warm caches and templates
    timings = []
    tracemalloc.start()
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"{path:<28} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms   "
        f"max {timings[-1]:7.1f} ms   queries {len(queries):3d}   "
        f"peak {peak / 1024 / 1024:6.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--faculties", type=int, default=20)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.people, args.faculties)
    print(
        f"data: {get_user_model().objects.count()} people, {Faculty.objects.count()} "
        f"faculties ({time.perf_counter() - started:.1f} s to generate) on "
        f"{connection.vendor}"
    )
    User = get_user_model()
    anonymous = Client()
    measure(anonymous, "/", args.runs)
    measure(anonymous, "/accounts/login/", args.runs)
    for username in ("lecturer", "coordinator", "admin"):
        client = Client()
        client.force_login(User.objects.get(username=username))
        measure(client, f"/dashboard/?as={username}", args.runs)


if __name__ == "__main__":
    main()
