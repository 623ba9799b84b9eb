"""Time and memory of the trajectory pages at the volume of issue 5.

Generates 200 cohorts (10 sessions each, the first six in the past), 5,000
enrolments and 100,000 journal entries (with attendance, feedback, assignment
records, peer groups, session summaries and linked lessons) straight into a
scratch database in bulk, then prints p50/p95/max milliseconds and the query count
of: the lecturer's /trajectory/, the coach's cohort page (40 participants × 10
sessions), the journal list, the API journal list, the dashboard of a lecturer and
of a coach, and the attendance download. Peak resident memory (VmHWM) is printed
per part, and of the whole process at the end.

Each run starts from a fresh scratch database (dropped again unless --keep):

    .venv/bin/python bench/trajectories.py --entries 10000   # smoke run
    .venv/bin/python bench/trajectories.py                   # SQLite in var/bench/
    .venv/bin/python bench/trajectories.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/engage_bench_trajectories
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
DEFAULT_URL = f"sqlite:///{BENCH_DIR / 'trajectories.sqlite3'}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cohorts", type=int, default=200)
    parser.add_argument("--enrolments", type=int, default=5000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50, help="repetitions per row")
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
# Journal attachments are not generated; keep the private folder out of var/.
os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(BENCH_DIR / "private"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from courses.models import CoursePage, LessonCompletion, LessonPage  # noqa: E402
from lms.accounts.models import Faculty, Profile  # noqa: E402
from lms.accounts.roles import Role  # noqa: E402
from lms.accounts.services import FacultySeed, seed_faculties  # noqa: E402
from trajectories.models import (  # noqa: E402
    AssignmentRecord,
    Attendance,
    Cohort,
    CohortSession,
    Enrolment,
    Feedback,
    JournalEntry,
    PeerGroup,
    ProgrammePage,
    SessionSummary,
)

settings.ALLOWED_HOSTS = ["*"]

SESSIONS = 10
PAST_SESSIONS = 6
BIG_COHORTS = 5  # with 40 participants each: the measured coach cohorts
BIG = 40
PROGRAMMES = 5
WORDS = [
    "students", "feedback", "rubric", "language", "exam", "tutorial", "group",
    "assessment", "inclusive", "idiom", "plain", "text", "question", "first-year",
    "lecture", "reflect", "change", "course", "session", "peer", "interaction",
    "curriculum", "perspective", "fair", "chance", "clear", "instruction", "read",
    "talk", "quiet", "voice", "example", "case", "study", "deadline", "workload",
]  # fmt: skip


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _sections(rng: random.Random) -> dict[str, str]:
    return {
        key: f"<p>{_text(rng, rng.randint(30, 70))}</p>"
        for key in ("what", "so_what", "now_what")
    }


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


def _course() -> tuple[CoursePage, list[LessonPage]]:
    root = Page.get_first_root_node().get_children().first()
    course = CoursePage(title="Inclusive teaching — foundations", slug="bench-course")
    root.add_child(instance=course)
    course.save_revision().publish()
    lessons = []
    for n in range(1, 7):
        lesson = LessonPage(
            title=f"Lesson {n}", slug=f"lesson-{n}", summary="About it.",
            body=[("text", "<p>Read this.</p>")],
        )  # fmt: skip
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        lessons.append(lesson)
    return course, lessons


def _programmes(course: CoursePage, lessons: list[LessonPage]) -> list[ProgrammePage]:
    root = Page.get_first_root_node().get_children().first()
    pages = []
    for p in range(PROGRAMMES):
        page = ProgrammePage(
            title=f"Inclusive teaching {p}", slug=f"programme-{p}",
            summary="A year of reflective practice.", goals="<p>Goals</p>",
            learning_outcomes="<p>Outcomes</p>", audience="Lecturers",
            session_plan=[
                ("session", {
                    "title": f"Plan {n}", "goals": "<p>g</p>",
                    "mandatory": n in (1, SESSIONS),
                    "content": [course] if n == 1 else lessons[(n - 2) % 6:(n - 2) % 6 + 1],
                })
                for n in range(1, SESSIONS + 1)
            ],
            assignments=[
                ("assignment", {
                    "title": f"Assignment {a}", "focus_area": "language_use",
                    "instructions": "<p>Change one thing.</p>",
                    "reflection_prompts": ["What changed?"],
                    "after_session": 2 * a - 1, "due_days": 21,
                })
                for a in range(1, 5)
            ],
        )  # fmt: skip
        root.add_child(instance=page)
        page.save_revision().publish()
        pages.append(ProgrammePage.objects.get(pk=page.pk))
    return pages


def generate(rng: random.Random) -> None:
    call_command("migrate", verbosity=0)
    faculties = seed_faculties(
        FacultySeed(f"bench-{i}", f"Faculty {i}", f"Faculteit {i}") for i in range(10)
    )
    lecturer_count = int(ARGS.enrolments * 0.85)
    lecturers = _people("lecturer", lecturer_count, Role.LECTURER, faculties)
    coaches = _people("coach", max(ARGS.cohorts // 2, 1), Role.COACH, faculties)
    course, lessons = _course()
    programmes = _programmes(course, lessons)
    keys = {p.pk: [str(b.id) for b in p.assignments] for p in programmes}
    now = timezone.now()
    first = now - timedelta(days=14 * PAST_SESSIONS - 3)
    with transaction.atomic():
        cohorts = Cohort.objects.bulk_create(
            Cohort(
                programme=programmes[c % PROGRAMMES], title=f"Cohort {c}",
                academic_year="2026-2027", capacity=BIG if c < BIG_COHORTS else 30,
                enrolment_opens=now - timedelta(days=200),
                enrolment_closes=now + timedelta(days=60),
            )
            for c in range(ARGS.cohorts)
        )  # fmt: skip
        Cohort.coaches.through.objects.bulk_create(
            Cohort.coaches.through(cohort_id=cohort.pk, user_id=coaches[c % len(coaches)].pk)
            for c, cohort in enumerate(cohorts)
        )  # fmt: skip
        CohortSession.objects.bulk_create(
            CohortSession(
                cohort=cohort, number=n, title=f"Session {n}",
                starts_at=first + timedelta(days=14 * (n - 1)),
                ends_at=first + timedelta(days=14 * (n - 1), hours=3),
                location="Room 1",
            )
            for cohort in cohorts
            for n in range(1, SESSIONS + 1)
        )  # fmt: skip
        # The big cohorts first, then the rest spread evenly; the first lecturers
        # follow three cohorts each (the measured ones), the others one.
        slots: list[Cohort] = []
        for cohort in cohorts[:BIG_COHORTS]:
            slots += [cohort] * BIG
        rest = cohorts[BIG_COHORTS:]
        while len(slots) < ARGS.enrolments:
            slots.append(rest[len(slots) % len(rest)])
        taken: set[tuple[int, int]] = set()
        enrolments = []
        for i, cohort in enumerate(slots):
            n = i
            while (cohort.pk, lecturers[n % lecturer_count].pk) in taken:
                n += 1
            user = lecturers[n % lecturer_count]
            taken.add((cohort.pk, user.pk))
            roll = rng.random()
            status = (
                "withdrawn"
                if roll < 0.03
                else "completed"
                if roll < 0.08
                else "enrolled"
            )
            enrolments.append(Enrolment(cohort=cohort, user=user, status=status,
                                        completed_at=now if status == "completed" else None))  # fmt: skip
        enrolments = Enrolment.objects.bulk_create(enrolments)
        sessions = {(s.cohort_id, s.number): s for s in CohortSession.objects.all()}
        Attendance.objects.bulk_create(
            Attendance(
                session=sessions[(e.cohort_id, n)], enrolment=e,
                status=rng.choice(["present"] * 17 + ["excused", "absent", "absent"]),
                checked_in=rng.random() < 0.5,
            )
            for e in enrolments
            for n in range(1, PAST_SESSIONS + 1)
            if rng.random() < 0.9
        )  # fmt: skip
        cohort_programme = {c.pk: c.programme_id for c in cohorts}
        AssignmentRecord.objects.bulk_create(
            AssignmentRecord(
                enrolment=e, assignment_key=keys[cohort_programme[e.cohort_id]][a],
                actual_change="<p>Rewrote it.</p>", status="submitted", submitted_at=now,
            )
            for e in enrolments
            for a in range(rng.randint(0, 3))
        )  # fmt: skip
        # Journal entries: evenly spread, each about a past session.
        per = ARGS.entries / len(enrolments)
        entries = []
        for i, e in enumerate(enrolments):
            for _ in range(int(per * (i + 1)) - int(per * i)):
                visibility = rng.choice(["coach", "coach", "coach", "peers", "private"])
                entries.append(JournalEntry(
                    enrolment=e, title=_text(rng, 5)[:200], sections=_sections(rng),
                    session=sessions[(e.cohort_id, rng.randint(1, PAST_SESSIONS))],
                    visibility=visibility,
                    shared_at=None if visibility == "private" else now,
                ))  # fmt: skip
        for start in range(0, len(entries), 5000):
            JournalEntry.objects.bulk_create(entries[start : start + 5000])
        coach_of = {c.pk: coaches[i % len(coaches)] for i, c in enumerate(cohorts)}
        feedback = []
        for entry_id, cohort_id, author_id in (
            JournalEntry.objects.exclude(visibility="private")
            .order_by("pk")
            .values_list("pk", "enrolment__cohort_id", "enrolment__user_id")
        ):
            if rng.random() < 0.5:
                feedback.append(Feedback(entry_id=entry_id, author=coach_of[cohort_id], body=_text(rng, 25)))  # fmt: skip
                if rng.random() < 0.3:
                    feedback.append(Feedback(entry_id=entry_id, author_id=author_id, body=_text(rng, 10)))  # fmt: skip
        for start in range(0, len(feedback), 5000):
            Feedback.objects.bulk_create(feedback[start : start + 5000])
        # Peer groups of four in every cohort, summaries of the past sessions.
        by_cohort: dict[int, list[Enrolment]] = {}
        for e in enrolments:
            if e.status != "withdrawn":
                by_cohort.setdefault(e.cohort_id, []).append(e)
        groups = PeerGroup.objects.bulk_create(
            PeerGroup(cohort_id=cohort_id, name=f"Group {g}")
            for cohort_id, members in by_cohort.items()
            for g in range((len(members) + 3) // 4)
        )
        group_of = {(g.cohort_id, g.name): g for g in groups}
        PeerGroup.members.through.objects.bulk_create(
            PeerGroup.members.through(
                peergroup_id=group_of[(cohort_id, f"Group {i // 4}")].pk, enrolment_id=e.pk
            )
            for cohort_id, members in by_cohort.items()
            for i, e in enumerate(members)
        )  # fmt: skip
        SessionSummary.objects.bulk_create(
            SessionSummary(session=s, body=f"<p>{_text(rng, 80)}</p>",
                           author=coach_of[s.cohort_id], posted_at=now)
            for (cohort_id, number), s in sessions.items()
            if number <= PAST_SESSIONS
        )  # fmt: skip
        LessonCompletion.objects.bulk_create(
            LessonCompletion(user=user, lesson=lesson)
            for user in lecturers[:500]
            for lesson in lessons[:3]
        )
    # Spread the activity over the last months, so some participants went quiet.
    days = {
        "postgresql": "now() - (random() * 60) * interval '1 day'",
        "sqlite": "datetime('now', '-' || (abs(random()) % 60) || ' days')",
    }[connection.vendor]
    with connection.cursor() as cursor:
        for table in (
            "engage_trajectories_journalentry",
            "engage_trajectories_feedback",
        ):
            column = "updated_at" if "journal" in table else "created_at"
            cursor.execute(f"UPDATE {table} SET {column} = {days}")
        cursor.execute(
            f"UPDATE engage_trajectories_enrolment SET status_changed_at = {days}"
        )
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


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


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def measure(name: str, requests: list[tuple[Client, str]], runs: int) -> None:
    """Each of `requests` once to warm up (counting its queries), then `runs`
    requests round-robin, timed without the query log."""
    counts = []
    for client, path in requests:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"GET {path} answered {response.status_code}")
        counts.append(len(queries))
    timings, sizes = [], []
    for run in range(runs):
        client, path = requests[run % len(requests)]
        start = time.perf_counter()
        response = client.get(path)
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        timings.append((time.perf_counter() - start) * 1000)
        sizes.append(len(body))
    print(
        f"  {name:<40} p50 {statistics.median(timings):7.1f} ms  "
        f"p95 {percentile(timings, 0.95):7.1f} ms  max {max(timings):7.1f} ms  "
        f"queries {min(counts)}–{max(counts)}  "
        f"{statistics.median(sizes) / 1024:6.0f} KiB"
    )


def main() -> None:
    started = time.perf_counter()
    rng = random.Random(ARGS.seed)
    if ARGS.reuse and Enrolment.objects.exists():
        print("reusing the generated data (--reuse)")
    else:
        with peak_memory("generation"):
            generate(rng)
        print(f"generated in {time.perf_counter() - started:.0f} s")
    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}): "
        f"{Cohort.objects.count()} cohorts, {CohortSession.objects.count()} sessions, "
        f"{Enrolment.objects.count()} enrolments, "
        f"{JournalEntry.objects.count()} journal entries, "
        f"{Feedback.objects.count()} feedback, {Attendance.objects.count()} "
        f"attendance marks\n"
    )
    big = list(Cohort.objects.order_by("pk")[:BIG_COHORTS])
    coaches = [_signed_in(c.coaches.get()) for c in big]
    # Lecturers of the big cohorts who also follow other cohorts.
    people = []
    for cohort in big:
        enrolment = (
            Enrolment.objects.filter(cohort=cohort, status="enrolled")
            .order_by("pk")
            .first()
        )
        if enrolment is None:
            raise SystemExit(f"nobody enrolled in {cohort}")
        people.append((_signed_in(enrolment.user), enrolment))
    lecturer_pages: dict[str, Callable[[Enrolment], str]] = {
        "GET /trajectory/": lambda e: "/trajectory/",
        "GET /trajectory/<id>/journal/": lambda e: f"/trajectory/{e.pk}/journal/",
        "GET /api/v1/journal-entries/?enrolment=": (
            lambda e: f"/api/v1/journal-entries/?enrolment={e.pk}"
        ),
        "GET /dashboard/ (lecturer)": lambda e: "/dashboard/",
    }
    counts = [Enrolment.objects.filter(user=e.user).count() for _client, e in people]
    entries = [JournalEntry.objects.filter(enrolment=e).count() for _c, e in people]
    print(
        f"measured: {len(people)} lecturers ({min(counts)}–{max(counts)} enrolments, "
        f"{min(entries)}–{max(entries)} entries in the measured journal) and the "
        f"coaches of {len(big)} cohorts of {BIG} participants × {SESSIONS} sessions; "
        f"{ARGS.runs} runs per row after one warm-up per person\n"
    )
    with peak_memory("lecturer pages"):
        for name, path in lecturer_pages.items():
            measure(name, [(client, path(e)) for client, e in people], ARGS.runs)
    with peak_memory("coach pages"):
        measure(
            "GET /coach/cohorts/<id>/ (40 × 10)",
            [(client, f"/coach/cohorts/{c.pk}/") for client, c in zip(coaches, big, strict=True)],
            ARGS.runs,
        )  # fmt: skip
        measure(
            "GET /dashboard/ (coach)", [(c, "/dashboard/") for c in coaches], ARGS.runs
        )
        measure(
            "GET /coach/cohorts/<id>/attendance.csv",
            [(client, f"/coach/cohorts/{c.pk}/attendance.csv") for client, c in zip(coaches, big, strict=True)],
            ARGS.runs,
        )  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the bench process: {peak:.0f} MiB")
    print(f"total time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    try:
        main()
    finally:
        connections.close_all()
        if not ARGS.keep:
            drop_scratch()
