"""Many people at once against `dev.py run`: errors, lost writes, latency, memory.

Issue 23's aim: 20 lecturers autosaving (and checking in) and 5 coaches marking
attendance for 60 s give 0 lost writes and 0 5xx. A coordinator asks for yearly
reports and two readers search practices meanwhile. The server is the README's
`python3 dev.py run` (runserver + a Celery worker) on a scratch directory, on
SQLite unless --database-url names a PostgreSQL server (a scratch database is
created beside it and dropped). Prints the tally as JSON: requests by status,
acknowledged writes, lost writes, p95 per kind of request, and the peak resident
memory of the largest server process.

    .venv/bin/python bench/concurrent_people.py
    .venv/bin/python bench/concurrent_people.py --lecturers 20 --coaches 5 --seconds 60 \\
        --database-url postgresql://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.load.driver import run_load  # noqa: E402
from tests.load.server import dev_run, own_database, prepare  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lecturers", type=int, default=20)
    parser.add_argument("--coaches", type=int, default=5)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--keep-log", type=Path, help="copy the server's log here (to read a 5xx)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        started = time.monotonic()
        if args.database_url.startswith("postgres"):
            with (
                own_database(args.database_url) as url,
                dev_run(Path(scratch), url) as (base, env),
            ):
                result = _load(base, env, args)
        else:
            with dev_run(Path(scratch)) as (base, env):
                result = _load(base, env, args)
        if args.keep_log:
            shutil.copyfile(Path(scratch) / "dev-run.log", args.keep_log)
    result["wall_seconds"] = round(time.monotonic() - started, 1)
    # ru_maxrss of waited-for descendants: the largest of runserver and the worker.
    result["server_peak_rss_mib"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )
    result["database"] = "postgresql" if args.database_url else "sqlite"
    print(json.dumps(result, indent=1))  # noqa: T201
    return 0 if result["server_errors"] == 0 and result["lost_writes"] == 0 else 1


def _load(base: str, env: dict[str, str], args: argparse.Namespace) -> dict:
    world = prepare(env, lecturers=args.lecturers, coaches=args.coaches)
    return run_load(base, world, seconds=args.seconds, readers=args.readers)


if __name__ == "__main__":
    raise SystemExit(main())
