"""Time and memory of the insight dashboards at the volume of issue 7.

Generates, straight into a scratch database in bulk: 20 faculties, lecturers
spread over them (plus a coach per four cohorts, one coordinator per faculty and
a programme admin), 4 programmes, 100 cohorts over the last five academic years
with 8 sessions each, 5,000 enrolments (waitlisted, withdrawn, enrolled,
completed; `placed_at` for those who got a place), attendance, journal entries
(most shared), assignment records, awarded and other certification decisions,
2,000 practices (with bench/practices_search.py's generator) with their review
history and some waiting for review, five years of search logs, and 2,000,000
xAPI statements (COPY on PostgreSQL) with their monthly counts. Then it prints
p50/p95/max milliseconds, the query count, the SQL time and this process's CPU
time per request, and the response size of: the programme dashboard (current
year, one programme, the previous year), the faculty dashboard as a coordinator
and as the programme team, and a CSV download; in --rounds rounds (the machine is
shared: the last table is the median over the rounds, with the load average).
Peak resident memory (VmHWM) is printed per part, and of the whole process at the
end. --explain adds the slowest statements of each page with their plans,
--profile a cProfile of each, --no-jit measures with PostgreSQL's JIT off.

Each run starts from a fresh scratch database (dropped again unless --keep):

    .venv/bin/python bench/insight.py --statements 20000 --enrolments 500 \\
        --entries 3000 --practices 200                    # smoke run, SQLite
    .venv/bin/python bench/insight.py                     # SQLite in var/bench/
    .venv/bin/python bench/insight.py --keep \\
        --database-url postgresql://postgres@127.0.0.1:5432/engage_bench_insight
    .venv/bin/python bench/insight.py --reuse --keep --no-jit \\
        --database-url postgresql://postgres@127.0.0.1:5432/engage_bench_insight
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import io
import json
import os
import pstats
import random
import resource
import statistics
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
DEFAULT_URL = f"sqlite:///{BENCH_DIR / 'insight.sqlite3'}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--faculties", type=int, default=20)
    parser.add_argument("--cohorts", type=int, default=100, help="over five years")
    parser.add_argument("--enrolments", type=int, default=5000)
    parser.add_argument("--entries", type=int, default=30_000, help="journal entries")
    parser.add_argument("--practices", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=40, help="requests per row")
    parser.add_argument(
        "--rounds", type=int, default=3,
        help="measure every row this many times over; the summary is the median",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL),
        help="a scratch database: SQLite under var/bench/ or a PostgreSQL database "
        "whose name contains 'bench' (it is dropped and created anew)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", action="store_true", help="leave the scratch database in place"
    )
    parser.add_argument(
        "--reuse", action="store_true",
        help="keep the data of a scratch database left by --keep (no generation)",
    )  # fmt: skip
    parser.add_argument(
        "--no-jit",
        action="store_true",
        help="PostgreSQL: measure with JIT compilation off (SET jit = off on every "
        "connection), as recommended for this kind of workload",
    )
    parser.add_argument(
        "--explain", action="store_true",
        help="print the slowest statements of one request per row, with their "
        "plans (EXPLAIN ANALYZE on PostgreSQL)",
    )  # fmt: skip
    parser.add_argument(
        "--profile", action="store_true",
        help="print the cProfile of one request per row (top functions)",
    )  # fmt: skip
    return parser


ARGS = _parser().parse_args()


def _scratch(url: str) -> tuple[str, str]:
    """(vendor, name) of the scratch database; refuses anything that is not one."""
    if url.startswith("sqlite"):
        path = Path(url.split("sqlite:///", 1)[1]).resolve()
        if BENCH_DIR.resolve() not in path.parents:
            raise SystemExit(f"refusing SQLite outside {BENCH_DIR}: {path}")
        return "sqlite", str(path)
    if url.startswith(("postgres://", "postgresql://")):
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        if "bench" not in name:
            raise SystemExit(f"refusing to drop {name!r}: its name lacks 'bench'")
        return "postgresql", name
    raise SystemExit(f"unsupported database URL: {url}")


def _pg_admin(sql: str) -> None:
    import psycopg

    base = ARGS.database_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def create_scratch() -> None:
    vendor, name = _scratch(ARGS.database_url)
    if ARGS.reuse:
        return
    if vendor == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{name}"')


def drop_scratch() -> None:
    vendor, name = _scratch(ARGS.database_url)
    if vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_scratch(ARGS.database_url)
create_scratch()
os.environ["DATABASE_URL"] = ARGS.database_url
# As in production (settings/production.py): one connection kept across requests.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.test")
os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(BENCH_DIR / "private"))
# The few practices sent into review go through the real services; their e-mails
# are queued in-process instead of on a broker nobody drains.
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.db.backends.signals import connection_created  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, WorkflowState  # noqa: E402

from certification.models import (  # noqa: E402
    CertificationScheme,
    CompetencyFramework,
    Decision,
    DecisionOutcome,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    Rubric,
)
from lms.academic_year import bounds, recent  # noqa: E402
from lms.accounts.models import Faculty, Profile  # noqa: E402
from lms.accounts.roles import Role  # noqa: E402
from lms.xapi.conf import xapi_settings  # noqa: E402
from lms.xapi.models import MonthlyActivity, Statement, agent_key  # noqa: E402
from lms.xapi.services import activity, platform_authority  # noqa: E402
from lms.xapi.vocabulary import ActivityTypes, Verbs  # noqa: E402
from practices_db import services as practice_services  # noqa: E402
from practices_db.data import PracticeInput  # noqa: E402
from practices_db.models import (  # noqa: E402
    Adoption,
    PracticePage,
    SearchLog,
    SearchRecord,
    Term,
    Vocabulary,
)
from practices_db.services import indexing  # noqa: E402
from trajectories.models import (  # noqa: E402
    AssignmentRecord,
    Attendance,
    Cohort,
    CohortSession,
    Enrolment,
    JournalEntry,
    ProgrammePage,
)

settings.ALLOWED_HOSTS = ["*"]

YEARS = 5  # the dashboards show the last five academic years
SESSIONS = 8
SESSION_GAP = timedelta(weeks=3)
ASSIGNMENTS = ((1, 2), (2, 4), (3, 6), (4, 8))  # (number, after session)
DUE = timedelta(days=21)
# (title, first academic year it ran: 0 = five years ago, has a certificate)
PROGRAMMES = [
    ("Inclusive teaching", 0, True),
    ("Inclusive assessment", 0, True),
    ("Sustainability in teaching", 1, True),
    ("Teaching the international classroom", 2, False),
]
GROWTH = [0.7, 0.85, 1.0, 1.15, 1.3]  # oldest year first: the programme grows
# Share of a year's activity per calendar month (September first).
MONTH_SHARE = {9: 0.8, 10: 1.2, 11: 1.2, 12: 0.8, 1: 1.0, 2: 1.2, 3: 1.2, 4: 1.0,
               5: 1.0, 6: 0.7, 7: 0.2, 8: 0.3}  # fmt: skip
WORDS = [
    "students", "feedback", "rubric", "language", "exam", "tutorial", "group",
    "assessment", "inclusive", "idiom", "plain", "text", "question", "first-year",
    "lecture", "reflect", "change", "course", "session", "peer", "interaction",
    "curriculum", "perspective", "fair", "chance", "clear", "instruction", "read",
    "talk", "quiet", "voice", "example", "case", "study", "deadline", "workload",
]  # fmt: skip
# Searches that find nothing in a database of teaching practices (the needs).
UNMET = [
    "autism exam", "blind students lab", "prayer room", "mature students",
    "parents with young children", "stammering presentation", "deaf lecture",
    "online proctoring", "chatgpt essays", "trans students names",
    "colour blind slides", "adhd deadlines", "night shift students",
    "refugee credentials", "sign language interpreter", "elderly learners",
]  # fmt: skip


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _step(label: str, started: float) -> None:
    print(f"  {label} ({time.perf_counter() - started:.0f} s)", flush=True)


# --- the practices generator of bench/practices_search.py ----------------------------


def practices_bench() -> Any:
    """bench/practices_search.py as a module. It reads its options and prepares
    its scratch database on import: given this database with --reuse it leaves
    the database alone, and Django is set up already."""
    path = ROOT / "bench" / "practices_search.py"
    spec = importlib.util.spec_from_file_location("bench_practices_search", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    argv = sys.argv
    sys.argv = [str(path), "--database-url", ARGS.database_url, "--reuse"]
    try:
        spec.loader.exec_module(module)
    finally:
        sys.argv = argv
    return module


# --- people, programmes, cohorts -------------------------------------------------


def _people(prefix: str, count: int, role: Role, faculties: list[Faculty]) -> list[Any]:
    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"{prefix}-{n}", first_name=f"First{n}", last_name=f"{prefix.title()}{n}",
             email=f"{prefix}-{n}@example.org")
        for n in range(count)
    )  # fmt: skip
    users = list(User.objects.filter(username__startswith=f"{prefix}-").order_by("pk"))
    Profile.objects.bulk_create(
        Profile(user=user, faculty=faculties[i % len(faculties)])
        for i, user in enumerate(users)
    )
    Group.objects.get_or_create(name=role.group_name)[0].user_set.add(*users)
    return users


def _programmes() -> list[ProgrammePage]:
    root = Page.get_first_root_node().get_children().first()
    pages = []
    for p, (title, _first, _scheme) in enumerate(PROGRAMMES):
        page = ProgrammePage(
            title=title, slug=f"programme-{p}",
            summary="A year of reflective practice.", goals="<p>Goals</p>",
            learning_outcomes="<p>Outcomes</p>", audience="Lecturers",
            session_plan=[
                ("session", {"title": f"Session {n}", "goals": "<p>g</p>",
                             "mandatory": n in (1, SESSIONS), "content": []})
                for n in range(1, SESSIONS + 1)
            ],
            assignments=[
                ("assignment", {
                    "title": f"Assignment {a}", "focus_area": "language_use",
                    "instructions": "<p>Change one thing.</p>",
                    "reflection_prompts": ["What changed?"],
                    "after_session": after, "due_days": DUE.days,
                })
                for a, after in ASSIGNMENTS
            ],
        )  # fmt: skip
        root.add_child(instance=page)
        page.save_revision().publish()
        pages.append(ProgrammePage.objects.get(pk=page.pk))
    return pages


def _aware(day: date, hour: int = 14) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock(hour)))


@dataclass
class Plan:
    """One enrolment as generated, with what it did."""

    enrolment: Enrolment
    placed: bool
    active: bool  # took part at all
    last_session: int  # the last session they came to (withdrawals stop early)
    completing: bool


@dataclass
class World:
    faculties: list[Faculty]
    lecturers: list[Any]
    coaches: list[Any]
    coordinators: list[Any]
    admin: Any
    programmes: list[ProgrammePage]
    cohorts: list[Cohort] = field(default_factory=list)
    sessions: dict[tuple[int, int], CohortSession] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)


def _cohorts(world: World, years: list[str], rng: random.Random) -> None:
    """About ARGS.cohorts cohorts over the years (more in later years), autumn or
    spring, cross-faculty or of one faculty, with their sessions and a coach."""
    weights = GROWTH[-len(years) :]
    per_year = [
        max(1, round(ARGS.cohorts * w / sum(weights)))
        for w in weights  # oldest first
    ]
    rows = []
    for age, (year, count) in enumerate(zip(reversed(years), per_year, strict=True)):
        running = [
            (p, page)
            for p, page in enumerate(world.programmes)
            if PROGRAMMES[p][1] <= age
        ]
        first_day, _next = bounds(year)
        for c in range(count):
            p, programme = running[c % len(running)]
            spring = c % 3 == 2
            start = first_day + timedelta(
                days=(153 if spring else 30) + rng.randint(0, 20)
            )
            faculty = rng.choice(world.faculties) if rng.random() < 0.4 else None
            where = faculty.name_en if faculty else "cross-faculty"
            season = "spring" if spring else "autumn"
            cohort = Cohort(
                programme=programme, academic_year=year, faculty=faculty,
                title=f"{programme.title}: {where}, {season} {c + 1}",
                capacity=30, enrolment_opens=_aware(start - timedelta(days=90), 9),
                enrolment_closes=_aware(start - timedelta(days=7), 17),
            )  # fmt: skip
            rows.append((cohort, start))
    world.cohorts = Cohort.objects.bulk_create(c for c, _start in rows)
    starts = {c.pk: start for c, (_c, start) in zip(world.cohorts, rows, strict=True)}
    CohortSession.objects.bulk_create(
        CohortSession(
            cohort=cohort, number=n, title=f"Session {n}",
            starts_at=_aware(starts[cohort.pk]) + SESSION_GAP * (n - 1),
            ends_at=_aware(starts[cohort.pk], 17) + SESSION_GAP * (n - 1),
            location="Room 1",
        )
        for cohort in world.cohorts
        for n in range(1, SESSIONS + 1)
    )  # fmt: skip
    world.sessions = {(s.cohort_id, s.number): s for s in CohortSession.objects.all()}
    Cohort.coaches.through.objects.bulk_create(
        Cohort.coaches.through(cohort_id=cohort.pk, user_id=world.coaches[i % len(world.coaches)].pk)
        for i, cohort in enumerate(world.cohorts)
    )  # fmt: skip


def _enrolments(world: World, rng: random.Random, now: datetime) -> None:
    """ARGS.enrolments applications spread over the cohorts (more in later
    years); the first ~85% got a place, the others wait (some got one later)."""
    by_faculty: dict[int, list[Any]] = defaultdict(list)
    faculty_of = dict(Profile.objects.values_list("user_id", "faculty_id"))
    for user in world.lecturers:
        by_faculty[faculty_of[user.pk]].append(user)
    year_index = {
        y: i for i, y in enumerate(sorted({c.academic_year for c in world.cohorts}))
    }
    weights = [GROWTH[year_index[c.academic_year]] for c in world.cohorts]
    counts = [0] * len(world.cohorts)
    for i in rng.choices(range(len(world.cohorts)), weights=weights, k=ARGS.enrolments):
        counts[i] += 1
    plans = []
    for cohort, count in zip(world.cohorts, counts, strict=True):
        first = world.sessions[(cohort.pk, 1)].starts_at
        last = world.sessions[(cohort.pk, SESSIONS)].starts_at
        past = sum(
            1 for n in range(1, SESSIONS + 1)
            if world.sessions[(cohort.pk, n)].starts_at < now
        )  # fmt: skip
        finished = last + timedelta(days=30) < now
        cohort.capacity = max(5, round(count * rng.uniform(0.8, 0.92)))
        taken: set[int] = set()
        window = (cohort.enrolment_closes - cohort.enrolment_opens).total_seconds()
        applied = sorted(
            cohort.enrolment_opens + timedelta(seconds=rng.uniform(0, window))
            for _ in range(count)
        )
        for n, applied_at in enumerate(applied):
            own = cohort.faculty_id and rng.random() < 0.85
            pool = (own and by_faculty.get(cohort.faculty_id)) or world.lecturers
            user = rng.choice(pool)
            while user.pk in taken:
                user = rng.choice(world.lecturers)
            taken.add(user.pk)
            placed_at = None
            if n < cohort.capacity:
                placed_at = applied_at
            elif rng.random() < 0.3:  # a place came free before the start
                placed_at = applied_at + (first - applied_at) * rng.uniform(0.2, 0.9)
            placed = placed_at is not None
            active = placed and rng.random() < 0.92
            roll = rng.random()
            if not placed:
                status = (
                    "withdrawn" if roll < (0.4 if finished else 0.2) else "waitlisted"
                )
                stop, completing = 0, False
            elif finished:
                completing = active and roll < 0.68
                withdrew = not completing and roll < 0.82
                status = (
                    "completed"
                    if completing
                    else "withdrawn"
                    if withdrew
                    else "enrolled"
                )
                stop = rng.randint(1, 3) if withdrew else SESSIONS
            else:
                withdrew = roll < 0.06 * max(1, past)
                status = "withdrawn" if withdrew else "enrolled"
                stop = min(past, rng.randint(0, 2)) if withdrew else SESSIONS
                completing = False
            changed = {
                "completed": last + timedelta(days=14),
                "withdrawn": (placed_at or applied_at) + timedelta(days=10 + 21 * stop),
            }.get(status, placed_at or applied_at)
            enrolment = Enrolment(
                cohort=cohort, user=user, status=status, placed_at=placed_at,
                completed_at=changed if status == "completed" else None,
            )  # fmt: skip
            enrolment.applied_at = applied_at
            enrolment.changed_at = min(changed, now)
            plans.append(Plan(enrolment, placed, active, stop, completing))
    Cohort.objects.bulk_update(world.cohorts, ["capacity"])
    created = Enrolment.objects.bulk_create(
        (p.enrolment for p in plans), batch_size=2000
    )
    for plan, enrolment in zip(plans, created, strict=True):
        enrolment.created_at = enrolment.applied_at
        enrolment.status_changed_at = enrolment.changed_at
        plan.enrolment = enrolment
    Enrolment.objects.bulk_update(
        created, ["created_at", "status_changed_at"], batch_size=500
    )
    world.plans = plans


def _taking_part(world: World, rng: random.Random, now: datetime) -> None:
    """Attendance of the sessions held, journal entries (most shared) about the
    sessions attended, and the assignments of the past sessions."""
    keys = {p.pk: [str(b.id) for b in p.assignments] for p in world.programmes}
    programme_of = {c.pk: c.programme_id for c in world.cohorts}
    attendance, attended = [], []
    for plan in world.plans:
        e = plan.enrolment
        if not plan.placed:
            continue
        for n in range(1, SESSIONS + 1):
            session = world.sessions[(e.cohort_id, n)]
            if session.starts_at >= now or n > plan.last_session:
                break
            if not plan.active:
                if rng.random() < 0.3:
                    attendance.append(
                        Attendance(session=session, enrolment=e, status="absent")
                    )
                continue
            present = 0.95 if plan.completing else 0.82
            roll = rng.random()
            status = (
                "present"
                if roll < present
                else "excused"
                if roll < present + 0.06
                else "absent"
            )
            attendance.append(Attendance(session=session, enrolment=e, status=status,
                                         checked_in=status == "present" and rng.random() < 0.6))  # fmt: skip
            if status == "present":
                attended.append((e, session))
    Attendance.objects.bulk_create(attendance, batch_size=5000)
    share = ARGS.entries / max(1, len(attended))
    entries = []
    for e, session in attended:
        for _ in range(int(share) + (rng.random() < share - int(share))):
            visibility = rng.choice(
                ["coach", "coach", "coach", "peers", "peers", "private"]
            )
            shared = None
            if visibility != "private":
                shared = min(
                    now, session.ends_at + timedelta(hours=rng.uniform(2, 140))
                )
            entries.append(JournalEntry(
                enrolment=e, session=session, title=_text(rng, 5)[:200],
                sections={k: f"<p>{_text(rng, rng.randint(15, 40))}</p>"
                          for k in ("what", "so_what", "now_what")},
                visibility=visibility, shared_at=shared,
            ))  # fmt: skip
    JournalEntry.objects.bulk_create(entries, batch_size=5000)
    records = []
    for plan in world.plans:
        e = plan.enrolment
        if not plan.active:
            continue
        for index, (_number, after) in enumerate(ASSIGNMENTS):
            session = world.sessions[(e.cohort_id, after)]
            if session.starts_at >= now or after > plan.last_session:
                break
            if rng.random() > (0.97 if plan.completing else 0.75):
                continue
            done = session.ends_at + DUE * rng.uniform(0.2, 1.3)
            submitted = done < now
            records.append(AssignmentRecord(
                enrolment=e, assignment_key=keys[programme_of[e.cohort_id]][index],
                planned_change="<p>Rewrite the exam questions.</p>",
                actual_change="<p>Rewrote them.</p>" if submitted else "",
                status="submitted" if submitted else "draft",
                submitted_at=done if submitted else None,
            ))  # fmt: skip
    AssignmentRecord.objects.bulk_create(records, batch_size=5000)
    # When each entry was written: about its session, shortly after it.
    with connection.cursor() as cursor:
        entry, session = JournalEntry._meta.db_table, CohortSession._meta.db_table
        cursor.execute(
            f"UPDATE {entry} SET created_at = COALESCE(shared_at, (SELECT ends_at "
            f"FROM {session} WHERE {session}.id = {entry}.session_id)), "
            f"updated_at = COALESCE(shared_at, (SELECT ends_at FROM {session} "
            f"WHERE {session}.id = {entry}.session_id))"
        )


def _certification(world: World, rng: random.Random) -> int:
    """A scheme per certifying programme; a portfolio for ~60% of those who
    completed a past cohort, decided (award ~85%) a few weeks after."""
    framework = CompetencyFramework.objects.create(
        code="inclusive-teaching", version="2022.1",
        name_en="Inclusive teaching", name_nl="Inclusief onderwijs",
    )  # fmt: skip
    rubric = Rubric.objects.create(
        name_en="Portfolio rubric", name_nl="Portfoliorubric"
    )
    schemes = {}
    for programme, (_title, _first, certifies) in zip(
        world.programmes, PROGRAMMES, strict=True
    ):
        if certifies:
            schemes[programme.pk] = CertificationScheme.objects.create(
                programme=programme, framework=framework, rubric=rubric,
                learning_outcomes_en="-", learning_outcomes_nl="-",
                quality_assurance_en="-", quality_assurance_nl="-",
                title_en=f"Certificate {programme.title}",
                title_nl=f"Certificaat {programme.title}",
                description_en="-", description_nl="-", workload_hours=84,
            )  # fmt: skip
    programme_of = {c.pk: c.programme_id for c in world.cohorts}
    chosen = [
        p.enrolment for p in world.plans
        if p.enrolment.status == "completed"
        and programme_of[p.enrolment.cohort_id] in schemes and rng.random() < 0.6
    ]  # fmt: skip
    outcomes = [
        rng.choices(
            [DecisionOutcome.AWARD, DecisionOutcome.NOT_AWARDED, DecisionOutcome.CHANGES_REQUESTED],
            weights=[85, 5, 10],
        )[0]
        for _ in chosen
    ]  # fmt: skip
    status = {
        DecisionOutcome.AWARD: PortfolioStatus.AWARDED,
        DecisionOutcome.NOT_AWARDED: PortfolioStatus.NOT_AWARDED,
        DecisionOutcome.CHANGES_REQUESTED: PortfolioStatus.CHANGES_REQUESTED,
    }
    submitted = [e.completed_at + timedelta(days=rng.randint(5, 60)) for e in chosen]
    portfolios = Portfolio.objects.bulk_create(
        Portfolio(user_id=e.user_id, scheme=schemes[programme_of[e.cohort_id]], enrolment=e,
                  status=status[o], submitted_at=s)
        for e, o, s in zip(chosen, outcomes, submitted, strict=True)
    )  # fmt: skip
    versions = PortfolioVersion.objects.bulk_create(
        PortfolioVersion(portfolio=p, number=1, submitted_at=s,
                         snapshot={"evidence": [], "self_assessment": []})
        for p, s in zip(portfolios, submitted, strict=True)
    )  # fmt: skip
    Decision.objects.bulk_create(
        Decision(version=v, outcome=o, feedback="Well argued.", rubric=rubric,
                 decided_by=world.admin, decided_at=s + timedelta(days=rng.randint(14, 42)))
        for v, o, s in zip(versions, outcomes, submitted, strict=True)
    )  # fmt: skip
    return sum(1 for o in outcomes if o == DecisionOutcome.AWARD)


# --- practices: review history, reviews waiting, adoptions, searches -----------------


def _practice_history(world: World, rng: random.Random, now: datetime) -> int:
    """A finished review (the submission) before each publication, adoptions
    dated after the publication, and two practices per faculty waiting for the
    coordinator (through the real services)."""
    workflow = practice_services.ensure_review_workflow()
    practice_type = ContentType.objects.get_for_model(PracticePage)
    page_type = ContentType.objects.get_for_model(Page)
    pages = list(
        PracticePage.objects.values_list("pk", "first_published_at", "owner_id")
    )
    states = WorkflowState.objects.bulk_create(
        WorkflowState(
            content_type=practice_type, base_content_type=page_type, object_id=str(pk),
            workflow=workflow, status=WorkflowState.STATUS_APPROVED, requested_by_id=owner,
        )
        for pk, _published, owner in pages
    )  # fmt: skip
    for state, (_pk, published, _owner) in zip(states, pages, strict=True):
        state.created_at = published - timedelta(days=rng.randint(2, 30))
    WorkflowState.objects.bulk_update(states, ["created_at"], batch_size=500)
    first_published = {pk: at for pk, at, _owner in pages}
    adoptions = list(Adoption.objects.all())
    for adoption in adoptions:
        start = first_published[adoption.practice_id]
        adoption.created_at = start + (now - start) * rng.random()
    Adoption.objects.bulk_update(adoptions, ["created_at"], batch_size=500)
    terms = {v: list(Term.objects.filter(vocabulary=v).values_list("pk", flat=True))
             for v in (Vocabulary.DIMENSION, Vocabulary.ASPECT)}  # fmt: skip
    faculty_of = dict(Profile.objects.values_list("user_id", "faculty_id"))
    authors: dict[int, list[Any]] = defaultdict(list)
    for user in world.lecturers:
        authors[faculty_of[user.pk]].append(user)
    waiting = 0
    for faculty in world.faculties:
        for author in rng.sample(authors[faculty.pk], min(2, len(authors[faculty.pk]))):
            page = practice_services.create_practice(
                author=author,
                data=PracticeInput(
                    title=_text(rng, 6)[:200], summary=_text(rng, 30),
                    body=f"<p>{_text(rng, 120)}</p>", faculty_id=faculty.pk,
                    dimension_ids=(rng.choice(terms[Vocabulary.DIMENSION]),),
                    aspect_ids=(rng.choice(terms[Vocabulary.ASPECT]),),
                ),
            )  # fmt: skip
            practice_services.submit_practice(actor=author, page=page)
            waiting += 1
    return waiting


def _search_logs(module: Any, rng: random.Random, first: date, today: date) -> int:
    """Per day, the texts searched and how often (found nothing: misspellings and
    needs the database does not meet), more in term time and later years."""
    found = (
        module.COMMON_QUERIES["en"] + module.COMMON_QUERIES["nl"] + module.rare_words()
    )
    missed = module.MISSPELT + UNMET
    rows = []
    day = first
    span = (today - first).days or 1
    while day <= today:
        growth = 0.6 + 0.8 * (day - first).days / span
        weekday = 1.0 if day.weekday() < 5 else 0.25
        texts = max(
            0,
            round(
                14 * growth * weekday * MONTH_SHARE[day.month] * rng.uniform(0.6, 1.4)
            ),
        )
        chosen = set(rng.sample(found, min(texts, len(found))))
        chosen |= {rng.choice(missed) for _ in range(texts // 5)}
        for text in chosen:
            n = rng.randint(1, 12 if text in found else 3)
            rows.append(SearchLog(day=day, query=text, searches=n,
                                  without_results=0 if text in found else n))  # fmt: skip
        day += timedelta(days=1)
    SearchLog.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


# --- xAPI statements ----------------------------------------------------------------

# (verb, activity type, path of its IRI, weight, about a trajectory)
VERB_MIX = [
    (Verbs.VIEWED, ActivityTypes.PRACTICE, "practice", 20, False),
    (Verbs.PROGRESSED, ActivityTypes.LESSON, "lesson", 14, True),
    (Verbs.COMPLETED, ActivityTypes.LESSON, "lesson", 10, True),
    (Verbs.ATTENDED, ActivityTypes.SESSION, "session", 10, True),
    (Verbs.SUBMITTED_REFLECTION, ActivityTypes.REFLECTION, "reflection", 9, True),
    (Verbs.RESPONDED, ActivityTypes.SESSION_EVALUATION, "session-evaluation", 6, True),
    (Verbs.RECEIVED_FEEDBACK, ActivityTypes.REFLECTION, "reflection", 6, True),
    (Verbs.COMMENTED, ActivityTypes.REFLECTION, "reflection", 5, True),
    (Verbs.REVISED_COURSE, ActivityTypes.OWN_COURSE, "own-course", 4, True),
    (Verbs.REGISTERED, ActivityTypes.COHORT, "cohort", 3, True),
    (Verbs.BOOKMARKED, ActivityTypes.PRACTICE, "practice", 3, False),
    (Verbs.ADOPTED_PRACTICE, ActivityTypes.PRACTICE, "practice", 2, False),
    (Verbs.SHARED, ActivityTypes.PRACTICE, "practice", 1, False),
    (Verbs.SUBMITTED, ActivityTypes.PORTFOLIO, "portfolio", 1, True),
    (Verbs.ASSESSED, ActivityTypes.PORTFOLIO, "portfolio", 1, True),
    (Verbs.EARNED, ActivityTypes.CERTIFICATE, "certificate", 0.5, True),
    (Verbs.WITHDREW, ActivityTypes.COHORT, "cohort", 0.5, True),
]


def _month_counts(
    total: int, years: list[str], now: datetime
) -> list[tuple[datetime, datetime, int]]:
    """(start, end, statements) per month from the oldest year to now: term
    time busier than summer, later years busier than earlier ones."""
    months = []
    for age, year in enumerate(reversed(years)):
        start, end = bounds(year)
        month = start
        while month < end:
            following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            first = datetime.combine(month, clock(0), tzinfo=UTC)
            last = min(datetime.combine(following, clock(0), tzinfo=UTC), now)
            if first < now:
                part = (last - first) / (
                    datetime.combine(following, clock(0), tzinfo=UTC) - first
                )
                months.append(
                    (first, last, GROWTH[age] * MONTH_SHARE[month.month] * part)
                )
            month = following
    weight = sum(w for _f, _l, w in months)
    counts = [round(total * w / weight) for _f, _l, w in months]
    counts[-1] += total - sum(counts)
    return [(f, last, n) for (f, last, _w), n in zip(months, counts, strict=True)]


def statement_rows(
    total: int, years: list[str], rng: random.Random
) -> Iterator[dict[str, Any]]:
    """`total` statements as the LRS stores them (with stored and authority),
    by people of the cohorts of their year, oldest first."""
    now = datetime.now(UTC)
    site = xapi_settings.site_iri
    home = xapi_settings.actor_home_page
    authority = platform_authority()
    xapi_ids = dict(Profile.objects.values_list("user_id", "xapi_id"))
    programme_names = dict(ProgrammePage.objects.values_list("pk", "title"))
    by_year: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for user_id, registration, cohort_id, year, programme_id, title in (
        Enrolment.objects.filter(placed_at__isnull=False).values_list(
            "user_id", "registration", "cohort_id", "cohort__academic_year",
            "cohort__programme_id", "cohort__title",
        )
    ):  # fmt: skip
        grouping = [
            {"objectType": "Activity", "id": f"{site}/xapi/activities/cohort/{cohort_id}",
             "definition": {"type": ActivityTypes.COHORT.iri, "name": {"en": title}}},
            {"objectType": "Activity", "id": f"{site}/xapi/activities/programme/{programme_id}",
             "definition": {"type": ActivityTypes.PROGRAMME.iri,
                            "name": {"en": programme_names[programme_id]}}},
        ]  # fmt: skip
        by_year[year].append(
            (xapi_ids[user_id], str(registration), cohort_id, grouping)
        )
    everyone = [x for people in by_year.values() for x in people]
    practices = list(PracticePage.objects.values_list("pk", flat=True)) or [1]
    keys: dict[Any, str] = {}
    verbs = [
        (verb.iri, {"id": verb.iri, "display": verb.display()}, kind.iri, path, about)
        for verb, kind, path, _w, about in VERB_MIX
    ]
    weights = [w for *_rest, w, _about in VERB_MIX]
    for first, last, count in _month_counts(total, years, now):
        span = (last - first).total_seconds()
        year = recent(1, today=first.date())[0]
        people = by_year.get(year) or everyone
        for verb_iri, verb, type_iri, path, about in rng.choices(
            verbs, weights=weights, k=count
        ):
            xapi_id, registration, cohort_id, grouping = rng.choice(people)
            moment = first + timedelta(seconds=rng.uniform(0, span))
            number = (
                rng.choice(practices)
                if path == "practice"
                else cohort_id * 100 + rng.randint(1, 12)
            )
            object_iri = f"{site}/xapi/activities/{path}/{number}"
            actor = {
                "objectType": "Agent",
                "account": {"homePage": home, "name": str(xapi_id)},
            }
            key = keys.get(xapi_id) or keys.setdefault(xapi_id, agent_key(actor))
            context: dict[str, Any] = {
                "platform": "Engage PD",
                "language": "nl" if number % 3 else "en",
            }
            if about:
                context["registration"] = registration
                context["contextActivities"] = {"grouping": grouping}
            statement_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            stored = moment + timedelta(milliseconds=rng.randint(5, 900))
            payload = {
                "id": str(statement_id), "actor": actor, "verb": verb,
                "object": {"objectType": "Activity", "id": object_iri,
                           "definition": {"type": type_iri, "name": {"en": f"{path.title()} {number}"}}},
                "context": context, "timestamp": moment.isoformat(),
                "stored": stored.isoformat(), "authority": authority, "version": "1.0.3",
            }  # fmt: skip
            yield {
                "statement_id": statement_id, "payload": payload, "stored": stored,
                "timestamp": moment, "verb_iri": verb_iri, "actor_key": key,
                "object_activity_iri": object_iri, "object_agent_key": "",
                "object_statement_id": None,
                "registration": uuid.UUID(registration) if about else None,
                "is_voided": False, "client_id": None,
            }  # fmt: skip


def store_statements(total: int, years: list[str], rng: random.Random) -> None:
    """COPY on PostgreSQL (bulk_create elsewhere) in chunks of 100,000, then
    the monthly counts from them as `rebuild_xapi_activity` does."""
    started = time.perf_counter()
    fields = [f for f in Statement._meta.concrete_fields if not f.primary_key]
    names = [f.attname for f in fields]
    table = Statement._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    rows = statement_rows(total, years, rng)
    done = 0
    while done < total:
        size = min(100_000, total - done)
        chunk = [next(rows) for _ in range(size)]
        with transaction.atomic():
            if connection.vendor == "postgresql":
                sql = f"COPY {table} ({columns}) FROM STDIN"
                # The psycopg 3 connection under Django's, in the same transaction.
                with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
                    for row in chunk:
                        row["payload"] = json.dumps(row["payload"])
                        copy.write_row([row[name] for name in names])
            else:
                Statement.objects.bulk_create(
                    (Statement(**row) for row in chunk), batch_size=500
                )
        done += size
        if done % 500_000 < 100_000 or done == total:
            _step(f"… {done} statements stored", started)
    t0 = time.perf_counter()
    counted = activity.rebuild()
    print(
        f"  monthly counts rebuilt from {total} statements: {counted} rows in "
        f"{time.perf_counter() - t0:.1f} s (rebuild_xapi_activity)"
    )


# --- generation ---------------------------------------------------------------------


def generate(rng: random.Random, started: float) -> None:
    """Everything but the xAPI statements."""
    call_command("migrate", verbosity=0)
    _step("migrated", started)
    now = timezone.now()
    years = recent(YEARS)
    module = practices_bench()
    lecturer_count = max(50, int(ARGS.enrolments * 0.7))
    module.generate(ARGS.practices, lecturer_count, ARGS.faculties, ARGS.seed)
    _step(f"{ARGS.practices} practices and {lecturer_count} lecturers "
          "(bench/practices_search.py's generator)", started)  # fmt: skip
    faculties = list(Faculty.objects.order_by("sort_order", "pk"))
    User = get_user_model()
    world = World(
        faculties=faculties,
        lecturers=list(User.objects.filter(username__startswith="bench-lecturer-").order_by("pk")),
        coaches=_people("coach", max(2, ARGS.cohorts // 4), Role.COACH, faculties),
        coordinators=_people("coordinator", len(faculties), Role.FACULTY_COORDINATOR, faculties),
        admin=_people("programme-admin", 1, Role.PROGRAMME_ADMIN, faculties)[0],
        programmes=_programmes(),
    )  # fmt: skip
    with transaction.atomic():
        _cohorts(world, years, rng)
        _enrolments(world, rng, now)
        _step(f"{len(world.cohorts)} cohorts, {len(world.sessions)} sessions, "
              f"{len(world.plans)} enrolments", started)  # fmt: skip
        _taking_part(world, rng, now)
        _step("attendance, journal entries and assignments", started)
        awarded = _certification(world, rng)
        _step(
            f"certification: {Decision.objects.count()} decisions, {awarded} awards",
            started,
        )
    with transaction.atomic():
        waiting = _practice_history(world, rng, now)
        logs = _search_logs(module, rng, bounds(years[-1])[0], timezone.localdate())
    _step(
        f"review history, {waiting} practices waiting for review, {logs} search logs",
        started,
    )
    indexed = indexing.rebuild_index()
    _step(f"search index rebuilt ({indexed} practices)", started)


# --- measuring ----------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(len(ordered) * share + 0.5) - 1))]


def _peak_rss_mib() -> float:
    """The peak resident memory since the last reset (VmHWM), in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def peak_memory(label: str) -> Iterator[None]:
    """Print the peak resident memory of the block (Linux resets VmHWM on '5')."""
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")
        scope = "of this part"
    except OSError:
        scope = "of the process so far (VmHWM cannot be reset here)"
    yield
    print(f"  peak resident memory {scope} ({label}): {_peak_rss_mib():.0f} MiB")


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


Request = tuple[Client, str]


@dataclass
class Result:
    name: str
    timings: list[float]
    queries: tuple[int, int]
    sql_ms: float  # median of the counted requests
    cpu_ms: float  # median CPU time of this process per request
    kib: float

    @property
    def p50(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95(self) -> float:
        return percentile(self.timings, 0.95)


def _get(client: Client, path: str) -> bytes:
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def measure(name: str, requests: list[Request], runs: int) -> Result:
    """Each of `requests` once to warm up, three times more counting its queries
    (and their time), then `runs` requests round-robin, timed without the query
    log: wall time, and the CPU time this process spent (the rest is waiting for
    the database and, on a busy machine, for a CPU)."""
    counts, sql = [], []
    for client, path in requests:
        _get(client, path)
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                _get(client, path)
            counts.append(len(queries))
            sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
    timings, cpu, sizes = [], [], []
    for run in range(runs):
        client, path = requests[run % len(requests)]
        start, start_cpu = time.perf_counter(), time.process_time()
        body = _get(client, path)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        sizes.append(len(body))
    result = Result(name, timings, (min(counts), max(counts)), statistics.median(sql),
                    statistics.median(cpu), statistics.median(sizes) / 1024)  # fmt: skip
    print(
        f"  {name:<44} p50 {result.p50:6.1f} ms  p95 {result.p95:6.1f} ms  "
        f"max {max(timings):6.1f} ms  queries {min(counts)}–{max(counts)} "
        f"(SQL {result.sql_ms:5.1f} ms)  CPU {result.cpu_ms:5.1f} ms  "
        f"{result.kib:4.0f} KiB",
        flush=True,
    )
    return result


def explain(name: str, client: Client, path: str, top: int = 3) -> None:
    """The slowest statements of one request, with their plans."""
    with CaptureQueriesContext(connection) as queries:
        _get(client, path)
    timed = sorted(
        ((float(q["time"]) * 1000, q["sql"]) for q in queries.captured_queries),
        reverse=True,
    )
    total = sum(ms for ms, _sql in timed)
    print(f"--- {name}: {len(timed)} statements, {total:.1f} ms of SQL; slowest:")
    prefix = (
        "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql"
        else "EXPLAIN QUERY PLAN "
    )  # fmt: skip
    for ms, sql in timed[:top]:
        print(f"  {ms:6.1f} ms  {sql[:1200]}")
        if sql.lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql)
                for row in cursor.fetchall():
                    print("      ", " | ".join(str(c) for c in row))
    print()


def profile(name: str, client: Client, path: str, top: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    _get(client, path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(f"--- cProfile of {name} ({path}):")
    print(out.getvalue())


def _summary(rounds: list[list[Result]], loads: list[str]) -> None:
    print(
        f"\nsummary: median over {len(rounds)} rounds of each round's p50, p95, SQL "
        f"and CPU time (max: the highest of all rounds); {ARGS.runs} requests per "
        "row and round"
    )
    for n, load in enumerate(loads, start=1):
        print(f"  round {n}: {load}")
    print(
        f"  {'':<44} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'queries':>8} "
        f"{'SQL ms':>7} {'CPU ms':>7} {'KiB':>5}"
    )
    for i, first in enumerate(rounds[0]):
        rows = [r[i] for r in rounds]
        p50 = statistics.median(r.p50 for r in rows)
        p95 = statistics.median(r.p95 for r in rows)
        peak = max(max(r.timings) for r in rows)
        sql = statistics.median(r.sql_ms for r in rows)
        cpu = statistics.median(r.cpu_ms for r in rows)
        queries = f"{first.queries[0]}–{first.queries[1]}"
        print(
            f"  {first.name:<44} {p50:7.1f} {p95:7.1f} {peak:7.1f} {queries:>8} "
            f"{sql:7.1f} {cpu:7.1f} {first.kib:5.0f}"
        )


def _jit_off(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")


def _jit() -> str:
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        return f"; PostgreSQL JIT {cursor.fetchone()[0]}"


def yearly_pdf(faculty_id: int | None) -> None:
    """Build time and peak memory of the yearly report (what the Celery task
    does), for the institution and one faculty, in the current year, 3 times
    each; the PDFs go to a temporary folder."""
    import tempfile

    from django.core.files.storage import FileSystemStorage

    from frontend.models import YearlyReport
    from frontend.rules.insight import year_choices
    from frontend.services.reports import build_report

    field = YearlyReport._meta.get_field("file")
    field.storage = FileSystemStorage(location=tempfile.mkdtemp(prefix="insight-pdf-"))
    print(f"\nyearly report (PDF), {year_choices()[0]} ({_load()})")
    for label, faculty in (("institution", None), ("one faculty", faculty_id)):
        times, sizes = [], []
        with peak_memory(f"yearly report, {label}"):
            for _ in range(3):
                report = YearlyReport.objects.create(
                    academic_year=year_choices()[0], faculty_id=faculty, language="en"
                )
                started = time.perf_counter()
                report = build_report(report_id=report.pk)
                times.append((time.perf_counter() - started) * 1000)
                sizes.append(report.size)
        print(
            f"  build {label:<12} min {min(times):7.0f} ms  median "
            f"{statistics.median(times):7.0f} ms  {max(sizes) // 1024} KiB"
        )


def main() -> None:
    started = time.perf_counter()
    if ARGS.no_jit:
        connection_created.connect(_jit_off)
    rng = random.Random(ARGS.seed)
    if ARGS.reuse and Enrolment.objects.exists():
        print("reusing the generated data (--reuse)")
    else:
        print("generating:")
        with peak_memory("generation without the statements"):
            generate(rng, started)
        with peak_memory("xAPI statements"):
            store_statements(ARGS.statements, recent(YEARS), rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            _step("VACUUM ANALYZE", started)
        print(f"generated in {time.perf_counter() - started:.0f} s\n")
    years = recent(YEARS)
    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}): "
        f"{Faculty.objects.count()} faculties, {ProgrammePage.objects.count()} "
        f"programmes, {Cohort.objects.count()} cohorts in {years[-1]}…{years[0]}, "
        f"{CohortSession.objects.count()} sessions, {Enrolment.objects.count()} "
        f"enrolments ({Enrolment.objects.filter(placed_at__isnull=False).count()} "
        f"placed), {Attendance.objects.count()} attendance marks, "
        f"{JournalEntry.objects.count()} journal entries, "
        f"{AssignmentRecord.objects.count()} assignment records, "
        f"{Decision.objects.filter(outcome='award').count()} awards, "
        f"{PracticePage.objects.count()} practices ({SearchRecord.objects.count()} "
        f"published), {SearchLog.objects.count()} search logs, "
        f"{Statement.objects.count()} xAPI statements in "
        f"{MonthlyActivity.objects.count()} monthly counts\n"
    )
    admin = _signed_in(get_user_model().objects.get(username="programme-admin-0"))
    programmes = list(ProgrammePage.objects.order_by("pk").values_list("pk", flat=True))
    faculties = list(
        Faculty.objects.order_by("sort_order", "pk").values_list("pk", flat=True)
    )
    picked = faculties[:: max(1, len(faculties) // 5)][:5]
    coordinators = [
        _signed_in(
            get_user_model()
            .objects.filter(
                groups__name=Role.FACULTY_COORDINATOR.group_name,
                engage_profile__faculty_id=pk,
            )
            .first()
        )
        for pk in picked
    ]
    rows: list[tuple[str, list[Request]]] = [
        (f"GET /insight/ ({years[0]})", [(admin, "/insight/")]),
        ("GET /insight/?programme=<id>", [(admin, f"/insight/?programme={p}") for p in programmes]),
        (f"GET /insight/?year={years[1]}", [(admin, f"/insight/?year={years[1]}")]),
        ("GET /insight/faculty/ (coordinator)", [(c, "/insight/faculty/") for c in coordinators]),
        ("GET /insight/faculty/?faculty=<id> (team)", [(admin, f"/insight/faculty/?faculty={f}") for f in picked]),
        ("GET /insight/programme/csv/faculties/", [(admin, "/insight/programme/csv/faculties/")]),
    ]  # fmt: skip
    print(
        f"measured: the programme admin, and the coordinators of {len(picked)} "
        f"faculties; {ARGS.runs} requests per row after one warm-up per request; "
        f"{ARGS.rounds} rounds{_jit()}\n"
    )
    rounds, loads = [], []
    for n in range(1, ARGS.rounds + 1):
        loads.append(_load())
        print(f"round {n} ({loads[-1]})")
        with peak_memory(f"round {n}"):
            rounds.append(
                [measure(name, requests, ARGS.runs) for name, requests in rows]
            )
    _summary(rounds, loads)
    yearly_pdf(picked[0] if picked else None)
    if ARGS.explain:
        print()
        for name, requests in rows:
            explain(name, *requests[0])
    if ARGS.profile:
        for name, requests in rows:
            profile(name, *requests[0])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the bench process: {peak:.0f} MiB")
    print(f"total time: {time.perf_counter() - started:.0f} s ({_load()})")


if __name__ == "__main__":
    try:
        main()
    finally:
        connections.close_all()
        if not ARGS.keep:
            drop_scratch()
