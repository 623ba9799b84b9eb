"""Ten people at once for a minute against the README's `dev.py run`: no 5xx, no
lost write (issue 16, "Concurrency on the embedded default").

Five lecturers autosave their journal and check in with the coach's code, two
coaches mark attendance, a coordinator asks for yearly reports, and two readers
search and open practices, all through the pages. Afterwards every write the
server acknowledged is read back through the pages.

The server runs on the database the suite runs on: SQLite on the embedded
defaults, and a database of its own beside the suite's PostgreSQL in CI's second
pass. `ENGAGE_LOAD_SECONDS` shortens the minute for a quick local try.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.load.driver import run_load
from tests.load.server import dev_run, own_database, prepare

SECONDS = float(os.environ.get("ENGAGE_LOAD_SECONDS", "60"))


@pytest.fixture
def server(tmp_path: Path):
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        with own_database(database_url) as url, dev_run(tmp_path, url) as running:
            yield running
    else:
        with dev_run(tmp_path) as running:
            yield running


def test_ten_people_for_a_minute_get_no_5xx_and_lose_no_write(server) -> None:
    base, env = server
    world = prepare(env, lecturers=5, coaches=2)
    result = run_load(base, world, seconds=SECONDS, readers=2)
    assert result["clients"] == 10
    assert result["code_found"], "the coach's check-in screen showed no code"
    assert result["failures"] == [], result
    assert result["server_errors"] == 0 and result["transport_errors"] == 0, result
    assert result["lost"] == [], result
    written = result["acknowledged_writes"]
    # Every kind of write happened, many times: the test cannot pass idle.
    assert written.get("journal autosave", 0) >= 5 * SECONDS / 2, result
    assert written.get("attendance batch", 0) >= SECONDS / 4, result
    assert written.get("check-in", 0) >= 5, result
    assert written.get("report request", 0) >= 1, result
