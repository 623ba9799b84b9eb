"""Time and memory of certificate verification at the volume of a mature programme.

Seeds the demo's scheme and its awarded `holder` through the real services, then
generates N issued credentials (default 20,000, of which 2,000 revoked and 200
tombstones of erased holders; issued over six years, so about a sixth expired)
straight into a scratch database in bulk, each with its enrolment, awarded
portfolio, frozen version and decision, on one revocation status list whose bits
and signature match. Every credential document is built from the holder's real
one with its own id, holder, dates and status entry; --signed of them (default
2,000) are signed with their own proof, the others carry a copy of a proof (same
size, not verifiable) and are never measured. Then it prints p50/p95/max
milliseconds, the query count and the response size of: the public verification
page by code (valid, revoked, expired, erased; and the first view of a credential,
before its signature check is cached), the credential JSON by code, the status
list credential, the issuer profile, and verifying a pasted credential
(POST /certificates/verify/, also its first check). Peak resident memory (VmHWM) is printed per part,
and of the whole process at the end.

Each run starts from a fresh scratch database (dropped again unless --keep):

    .venv/bin/python bench/certification.py --credentials 2000 --signed 300  # smoke
    .venv/bin/python bench/certification.py                # SQLite in var/bench/
    .venv/bin/python bench/certification.py \\
        --database-url postgresql://postgres@127.0.0.1:5432/engage_bench_certification \\
        --cache-url redis://127.0.0.1:6379/9
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import random
import resource
import secrets
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
DEFAULT_URL = f"sqlite:///{BENCH_DIR / 'certification.sqlite3'}"
SITE = "https://pd.example.edu"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--credentials", type=int, default=20_000)
    parser.add_argument("--revoked", type=int, default=2_000)
    parser.add_argument("--erased", type=int, default=200, help="tombstones")
    parser.add_argument(
        "--signed", type=int, default=2_000,
        help="credentials with a proof of their own (signing costs ~30 ms each, "
        "spread over the CPUs); only these are measured",
    )  # fmt: skip
    parser.add_argument("--runs", type=int, default=100, help="repetitions per row")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL),
        help="a scratch database: SQLite under var/bench/ or a PostgreSQL database "
        "whose name contains 'bench' (it is dropped and created anew)",
    )  # fmt: skip
    parser.add_argument(
        "--cache-url", default=os.environ.get("CACHE_URL", ""),
        help="e.g. redis://127.0.0.1:6379/9 as in production; default the "
        "process's own memory (LocMemCache), as the embedded default",
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
os.environ["CACHE_URL"] = ARGS.cache_url
# As in production (settings/production.py): one connection kept across requests.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.test")
os.environ["SITE_URL"] = SITE  # every URL in a credential starts with it
# The award's Celery task runs in-process (it finds the credential issued already).
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
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

from certification.models import (  # noqa: E402
    Decision,
    DecisionOutcome,
    IssuedCredential,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    StatusList,
)
from certification.openbadges import documents, proof  # noqa: E402
from certification.openbadges.data import RecipientData, StatusEntryData  # noqa: E402
from certification.openbadges.keys import IssuingKey, key_ring_from_settings  # noqa: E402
from certification.openbadges.status_list import Bitstring  # noqa: E402
from certification.selectors.credential_content import (  # noqa: E402
    Issuance,
    credential_data,
)
from certification.services.credentials import add_months  # noqa: E402
from certification.services.status_lists import (  # noqa: E402
    permuted_index,
    sign_status_list,
)
from lms.accounts.models import Faculty, Profile  # noqa: E402
from lms.accounts.roles import Role  # noqa: E402
from lms.demo import demo_seeders  # noqa: E402
from trajectories.models import Cohort, Enrolment  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
settings.ENGAGE_CERTIFICATION_KEYS = ""
settings.ENGAGE_CERTIFICATION_DEV_KEY_FILE = BENCH_DIR / "certification-issuing-key"
# The real limit (30 checks a minute per address) would answer 429 here.
settings.ENGAGE_CERTIFICATION_VERIFY_PER_MINUTE = 0

FIRST = ["Anna", "Bram", "Chen", "Daan", "Emma", "Fatima", "Gijs", "Hanna", "Iris",
         "Jesse", "Kiki", "Lars", "Mila", "Noah", "Olga", "Pieter", "Rosa", "Sem",
         "Tess", "Umar", "Vera", "Wout", "Yara", "Zoë"]  # fmt: skip
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
        "de Boer", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "Dijkstra", "Smits", "El Amrani", "Yilmaz", "Nguyen",
        "Kowalski", "Ünal", "Hoekstra"]  # fmt: skip
REASONS = ["issued_in_error", "misconduct", "holder_request", "other"]
COHORTS = 120
YEARS = 6  # issued over the last six years
VALIDITY_MONTHS = 60  # the demo scheme's


# --- generation ---------------------------------------------------------------------


def seed_template() -> IssuedCredential:
    """The demo scheme and its `holder`'s real, signed credential."""
    call_command("migrate", verbosity=0)
    wanted = {"faculties and people", "trajectories", "certification"}
    for seeder in demo_seeders():
        if seeder.name in wanted:
            with transaction.atomic():
                seeder.run()
    return IssuedCredential.objects.select_related(
        "decision__version__portfolio__scheme", "decision__rubric", "user"
    ).get(user__username="holder")


_SIGNING_KEY: IssuingKey | None = None


def _sign(item: tuple[dict[str, Any], str]) -> dict[str, Any]:
    document, created = item
    assert _SIGNING_KEY is not None  # noqa: S101 - set before the pool forks
    return proof.sign(
        document, key=_SIGNING_KEY, created=datetime.fromisoformat(created)
    )


@dataclass
class Row:
    user: Any | None
    issued_at: datetime
    index: int
    signed: bool
    revoked: bool
    erased: bool


def _people(count: int, faculties: list[Faculty], rng: random.Random) -> list[Any]:
    User = get_user_model()
    users = []
    for n in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        users.append(
            User(username=f"holder-{n}", first_name=first, last_name=last,
                 email=f"holder-{n}@example.org")
        )  # fmt: skip
    User.objects.bulk_create(users, batch_size=2000)
    users = list(User.objects.filter(username__startswith="holder-").order_by("pk"))
    Profile.objects.bulk_create(
        (Profile(user=user, faculty=rng.choice(faculties)) for user in users),
        batch_size=2000,
    )
    Group.objects.get(name=Role.LECTURER.group_name).user_set.add(*users)
    return users


def _awards(
    template: IssuedCredential, users: list[Any], rows: list[Row], now: datetime
) -> dict[int, Decision]:
    """Enrolment, awarded portfolio, frozen version and decision per holder."""
    scheme = template.scheme
    version = template.decision.version
    admin = get_user_model().objects.get(username="admin")
    cohorts = Cohort.objects.bulk_create(
        Cohort(
            programme=scheme.programme, title=f"Cohort {c}",
            academic_year=f"{now.year - 1 - c % YEARS}-{now.year - c % YEARS}",
            capacity=250, enrolment_opens=now - timedelta(days=3000),
            enrolment_closes=now - timedelta(days=2000),
        )
        for c in range(COHORTS)
    )  # fmt: skip
    live = [(row, user) for row, user in zip(rows, users, strict=True) if user]
    enrolments = Enrolment.objects.bulk_create(
        (
            Enrolment(cohort=cohorts[i % COHORTS], user=user, status="completed",
                      completed_at=row.issued_at)
            for i, (row, user) in enumerate(live)
        ),
        batch_size=2000,
    )  # fmt: skip
    portfolios = Portfolio.objects.bulk_create(
        (
            Portfolio(user=user, scheme=scheme, enrolment=enrolment,
                      status=PortfolioStatus.AWARDED, submitted_at=row.issued_at)
            for (row, user), enrolment in zip(live, enrolments, strict=True)
        ),
        batch_size=2000,
    )  # fmt: skip
    # The holder's real frozen version stands in for each one (a realistic size).
    versions = PortfolioVersion.objects.bulk_create(
        (
            PortfolioVersion(portfolio=portfolio, number=1, snapshot=version.snapshot,
                             submitted_at=row.issued_at - timedelta(days=30))
            for (row, _user), portfolio in zip(live, portfolios, strict=True)
        ),
        batch_size=500,
    )  # fmt: skip
    decisions = Decision.objects.bulk_create(
        (
            Decision(version=v, outcome=DecisionOutcome.AWARD, feedback="",
                     rubric=template.decision.rubric, decided_by=admin,
                     decided_at=row.issued_at)
            for (row, _user), v in zip(live, versions, strict=True)
        ),
        batch_size=2000,
    )  # fmt: skip
    return {user.pk: d for (_row, user), d in zip(live, decisions, strict=True)}


def _documents(
    template: IssuedCredential, rows: list[Row], key: IssuingKey
) -> list[dict[str, Any] | None]:
    """Each holder's credential: the template's claims with their own id, name,
    e-mail hash, dates and status entry; signed for `row.signed`."""
    base = credential_data(
        decision=template.decision,
        user=template.user,
        issuance=Issuance(
            credential_id=template.credential_id, salt="0" * 32, language="en",
            valid_from=template.valid_from, valid_until=template.valid_until,
            status=StatusEntryData(template.status_list.url, template.status_index),
        ),
    )  # fmt: skip
    built: list[dict[str, Any] | None] = []
    to_sign: list[tuple[int, tuple[dict[str, Any], str]]] = []
    for position, row in enumerate(rows):
        if row.user is None:
            built.append(None)
            continue
        valid_from = row.issued_at.replace(microsecond=0)
        data = replace(
            base,
            credential_id=uuid.uuid4(),
            recipient=RecipientData(
                email=row.user.email, salt=secrets.token_hex(16),
                display_name=f"{row.user.first_name} {row.user.last_name}",
            ),
            valid_from=valid_from,
            valid_until=add_months(valid_from, VALIDITY_MONTHS),
            status=StatusEntryData(template.status_list.url, row.index),
        )  # fmt: skip
        document = documents.build_credential(data)
        if row.signed:
            to_sign.append((position, (document, valid_from.isoformat())))
            built.append(None)
        else:
            built.append({**document, "proof": template.document["proof"]})
    global _SIGNING_KEY
    _SIGNING_KEY = key
    connections.close_all()  # the children fork without the parent's connection
    with multiprocessing.get_context("fork").Pool() as pool:
        signed = pool.map(_sign, [item for _pos, item in to_sign], chunksize=20)
    for (position, _item), document in zip(to_sign, signed, strict=True):
        built[position] = document
    return built


def generate(rng: random.Random) -> None:
    started = time.perf_counter()
    template = seed_template()
    print(
        f"  demo scheme and the holder's credential: {time.perf_counter() - started:.0f} s"
    )
    now = timezone.now()
    count = ARGS.credentials - 1  # the holder's is one of them
    faculties = list(Faculty.objects.all())
    status_list = StatusList.objects.get(pk=template.status_list_id)
    erased = set(rng.sample(range(count), min(ARGS.erased, count)))
    live = [n for n in range(count) if n not in erased]
    revoked = set(rng.sample(live, min(ARGS.revoked, len(live))))
    signed = set(rng.sample(live, min(ARGS.signed, len(live))))
    rows = [
        Row(
            user=None,
            issued_at=now - timedelta(days=rng.uniform(1, 365 * YEARS)),
            index=permuted_index(
                status_list.permutation_key, status_list.next_free + n,
                status_list.size,
            ),
            signed=n in signed, revoked=n in revoked, erased=n in erased,
        )
        for n in range(count)
    ]  # fmt: skip
    with transaction.atomic():
        users = iter(_people(len(live), faculties, rng))
        for row in rows:
            row.user = None if row.erased else next(users)
        decisions = _awards(template, [r.user for r in rows], rows, now)
    step = time.perf_counter()
    key = key_ring_from_settings().active
    built = _documents(template, rows, key)
    print(
        f"  {len(rows)} credential documents, {len(signed)} signed: "
        f"{time.perf_counter() - step:.0f} s"
    )
    admin = get_user_model().objects.get(username="admin")
    credentials = []
    for row, document in zip(rows, built, strict=True):
        revoked_at = (
            row.issued_at + (now - row.issued_at) * rng.random()
            if row.revoked
            else None
        )
        credentials.append(
            IssuedCredential(
                decision=decisions[row.user.pk] if row.user else None,
                user=row.user, scheme=template.scheme,
                credential_id=uuid.UUID(document["id"][len("urn:uuid:"):])
                if document else uuid.uuid4(),
                verification_code=secrets.token_urlsafe(32),
                issued_at=row.issued_at,
                valid_from=row.issued_at.replace(microsecond=0),
                valid_until=add_months(
                    row.issued_at.replace(microsecond=0), VALIDITY_MONTHS
                ),
                status_list=status_list, status_index=row.index, document=document,
                language="en", key_id=key.key_id, revoked_at=revoked_at,
                revocation_reason=rng.choice(REASONS) if row.revoked else "",
                revocation_note="Revoked by the programme team." if row.revoked else "",
                revoked_by=admin if row.revoked else None,
                erased_at=now - timedelta(days=rng.uniform(0, 300)) if row.erased else None,
            )
        )  # fmt: skip
    with transaction.atomic():
        IssuedCredential.objects.bulk_create(credentials, batch_size=500)
        bits = Bitstring(status_list.size, bytes(status_list.bits))
        for row in rows:
            if row.revoked:
                bits.set(row.index)
        status_list.bits = bits.to_bytes()
        status_list.next_free += count
        sign_status_list(status_list, key=key, now=now)
        status_list.save()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
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


@dataclass(frozen=True)
class Call:
    path: str
    status: int = 200
    form: dict[str, str] | None = None  # a POST when given
    marker: str = ""  # must be in the answer (e.g. the verdict)


def _send(client: Client, call: Call) -> Any:
    if call.form is not None:
        return client.post(call.path, call.form)
    return client.get(call.path)


def _checked(call: Call, response: Any) -> Any:
    if response.status_code != call.status or call.marker.encode() not in (
        response.content
    ):
        raise SystemExit(f"{call.path} answered {response.status_code}")
    return response


def measure(name: str, calls: list[Call], runs: int, *, first: bool = False) -> None:
    """Each call once to warm up and once counting its queries (checking status
    and marker), then `runs` calls round-robin, timed without the query log.

    `first`: each call is made once only, as the first check of its credential
    since the proof cache was last emptied (queries counted while timing).
    """
    client = Client()
    client.get("/certification/issuer")  # warm the process, not the credential
    counts, timings, sizes = [], [], []
    if first:
        for call in calls:
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = _checked(call, _send(client, call))
            timings.append((time.perf_counter() - start) * 1000)
            counts.append(len(queries))
            sizes.append(len(response.content))
    else:
        for call in calls:
            _send(client, call)
            with CaptureQueriesContext(connection) as queries:
                _checked(call, _send(client, call))
            counts.append(len(queries))
        for run in range(runs):
            call = calls[run % len(calls)]
            start = time.perf_counter()
            response = _send(client, call)
            body = response.content
            timings.append((time.perf_counter() - start) * 1000)
            sizes.append(len(body))
    print(
        f"  {name:<48} p50 {statistics.median(timings):7.1f} ms  "
        f"p95 {percentile(timings, 0.95):7.1f} ms  max {max(timings):7.1f} ms  "
        f"queries {min(counts)}–{max(counts)}  "
        f"{statistics.median(sizes) / 1024:6.1f} KiB"
    )


def _sample(queryset: Any, rng: random.Random, k: int = 25) -> list[IssuedCredential]:
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    chosen = rng.sample(ids, min(k, len(ids)))
    return list(IssuedCredential.objects.filter(pk__in=chosen).order_by("pk"))


def main() -> None:
    started = time.perf_counter()
    rng = random.Random(ARGS.seed)
    if ARGS.reuse and IssuedCredential.objects.exists():
        print("reusing the generated data (--reuse)")
    else:
        with peak_memory("generation"):
            generate(rng)
        print(f"generated in {time.perf_counter() - started:.0f} s")
    now = timezone.now()
    status_list = StatusList.objects.get()
    total = IssuedCredential.objects.count()
    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}): "
        f"{total} credentials, "
        f"{IssuedCredential.objects.filter(revoked_at__isnull=False).count()} revoked, "
        f"{IssuedCredential.objects.filter(valid_until__lte=now).count()} expired, "
        f"{IssuedCredential.objects.filter(erased_at__isnull=False).count()} erased; "
        f"status list of {status_list.size} entries, {status_list.next_free} taken; "
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}\n"
    )
    # Only credentials with a proof of their own are measured (see --signed): the
    # others carry a copy of the holder's.
    copied = IssuedCredential.objects.get(user__username="holder").document["proof"]
    signed = IssuedCredential.objects.filter(erased_at__isnull=True).exclude(
        document__proof__proofValue=copied["proofValue"]
    )
    pool = _sample(
        signed.filter(revoked_at__isnull=True, valid_until__gt=now), rng,
        k=25 + 2 * ARGS.runs,
    )  # fmt: skip
    # Disjoint sets: the first view of a credential and the first check of a
    # pasted one must not find its proof remembered by another row.
    valid = pool[:25]
    first_view = pool[25 : 25 + ARGS.runs]
    first_paste = pool[25 + ARGS.runs :]
    revoked = _sample(signed.filter(revoked_at__isnull=False), rng)
    expired = _sample(signed.filter(revoked_at__isnull=True, valid_until__lte=now), rng)
    erased = _sample(IssuedCredential.objects.filter(erased_at__isnull=False), rng)

    def page(
        items: list[IssuedCredential], verdict: str, status: int = 200
    ) -> list[Call]:
        return [
            Call(f"/certificates/{c.verification_code}/", status,
                 marker=f'data-verdict="{verdict}"')
            for c in items
        ]  # fmt: skip

    def pasted(items: list[IssuedCredential], verdict: str) -> list[Call]:
        return [
            Call("/certificates/verify/", form={"credential": json.dumps(c.document)},
                 marker=f'data-verdict="{verdict}"')
            for c in items
        ]  # fmt: skip

    print(
        f"measured: {len(valid)} valid, {len(revoked)} revoked, {len(expired)} "
        f"expired and {len(erased)} erased credentials, chosen at random; "
        f"{ARGS.runs} runs per row after one warm-up each; the rows '(first "
        f"...)' time {len(first_view)} other valid credentials once each, before "
        f"their signature check is cached\n"
    )
    with peak_memory("verification page by code"):
        measure(
            "GET /certificates/<code>/ (valid, first view)",
            page(first_view, "valid"), ARGS.runs, first=True,
        )  # fmt: skip
        measure("GET /certificates/<code>/ (valid)", page(valid, "valid"), ARGS.runs)
        measure(
            "GET /certificates/<code>/ (revoked)", page(revoked, "revoked"), ARGS.runs
        )
        measure(
            "GET /certificates/<code>/ (expired)", page(expired, "expired"), ARGS.runs
        )
        measure(
            "GET /certificates/<code>/ (erased, 410)",
            page(erased, "erased", 410),
            ARGS.runs,
        )
    with peak_memory("documents"):
        measure(
            "GET /certificates/<code>/credential.json",
            [Call(f"/certificates/{c.verification_code}/credential.json") for c in valid],
            ARGS.runs,
        )  # fmt: skip
        measure(
            "GET /certification/status/<id>",
            [Call(f"/certification/status/{status_list.pk}")], ARGS.runs,
        )  # fmt: skip
        measure("GET /certification/issuer", [Call("/certification/issuer")], ARGS.runs)
    with peak_memory("verifying a pasted credential"):
        measure(
            "POST /certificates/verify/ (valid, first check)",
            pasted(first_paste, "valid"), ARGS.runs, first=True,
        )  # fmt: skip
        measure("POST /certificates/verify/ (valid)", pasted(valid, "valid"), ARGS.runs)
        measure(
            "POST /certificates/verify/ (revoked)",
            pasted(revoked, "revoked"),
            ARGS.runs,
        )
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
