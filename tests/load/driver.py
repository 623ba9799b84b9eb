"""Many people at once against a running Engage PD, through its pages.

`run_load` drives lecturers who autosave their journal and check in, coaches who
mark attendance, a coordinator who asks for yearly reports, and readers of
practice pages, each in a thread with its own session, for a number of seconds.
It then reads back, through the pages, every write the server acknowledged and
reports any that is not there ("lost"), every 5xx and every request that failed
on the wire. `tests/lms/test_load_concurrency.py` runs it against `dev.py run`;
`bench/concurrent_people.py` prints its figures.

Only the standard library, so the same code runs in a test and from a shell.
"""

from __future__ import annotations

import html
import http.cookiejar
import json
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

PASSWORD = "engage-demo"  # noqa: S105 - the demo's documented password
TIMEOUT = 30.0


@dataclass
class Tally:
    """What all clients saw; shared, so every change holds the lock."""

    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    writes: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def seen(self, kind: str, status: int, seconds: float, detail: str = "") -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.setdefault(kind, []).append(seconds)
            if status >= 500 or status == 0:
                self.failures.append(f"{kind}: {status} {detail}"[:300])

    def acknowledged(self, kind: str) -> None:
        with self.lock:
            self.writes[kind] += 1

    def lose(self, what: str) -> None:
        with self.lock:
            self.lost.append(what)

    def summary(self) -> dict[str, Any]:
        def p95(values: list[float]) -> float:
            ordered = sorted(values)
            return ordered[max(0, int(len(ordered) * 0.95) - 1)] if ordered else 0.0

        return {
            "requests": sum(self.statuses.values()),
            "statuses": dict(sorted(self.statuses.items())),
            "server_errors": sum(n for s, n in self.statuses.items() if s >= 500),
            "transport_errors": self.statuses.get(0, 0),
            "acknowledged_writes": dict(self.writes),
            "lost_writes": len(self.lost),
            "p95_ms": {k: round(p95(v) * 1000, 1) for k, v in self.latencies.items()},
            "failures": self.failures[:20],
            "lost": self.lost[:20],
        }


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Person:
    """One signed-in browser: a cookie jar, CSRF token and the shared tally."""

    def __init__(self, base: str, tally: Tally) -> None:
        self.base = base.rstrip("/")
        self.tally = tally
        self.jar = http.cookiejar.CookieJar()
        self.web = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def request(
        self, kind: str, path: str, data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, str]:  # fmt: skip
        """(status, body, final URL); status 0 when the request failed on the wire."""
        all_headers = {"Referer": self.base + "/", **(headers or {})}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": self.csrf(), **data}
            ).encode()
        request = urllib.request.Request(  # noqa: S310 - our own http base
            self.base + path, data=body, headers=all_headers
        )
        started = time.monotonic()
        try:
            with self.web.open(request, timeout=TIMEOUT) as answer:
                status, text, url = answer.status, answer.read().decode(), answer.url
        except urllib.error.HTTPError as error:
            status, text, url = error.code, error.read().decode(errors="replace"), path
        except OSError as error:  # refused, reset, timed out
            status, text, url = 0, repr(error), path
        self.tally.seen(
            kind, status, time.monotonic() - started, f"{path} {text[:200]}"
        )
        return status, text, url

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def sign_in(self, username: str) -> None:
        self.request("sign-in", "/accounts/login/")
        status, _text, url = self.request(
            "sign-in", "/accounts/login/",
            {"username": username, "password": PASSWORD},
        )  # fmt: skip
        if status != 200 or "/accounts/login/" in url:
            raise RuntimeError(f"{username} could not sign in ({status})")


def _field(page: str, name: str) -> str:
    found = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else ""


def _textarea(page: str, name: str) -> str | None:
    found = re.search(
        rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>(.*?)</textarea>', page, re.S
    )
    return html.unescape(found.group(1)).strip() if found else None


def lecturer(person: Person, who: dict[str, Any], code: str, until: float) -> None:
    """Autosave one journal entry over and over; check in now and then."""
    edit = f"/journal/{who['entry']}/edit/"
    _status, page, _url = person.request("journal page", edit)
    version = _field(page, "version")
    sections = re.findall(r'<textarea[^>]*name="(section_\w+)"', page)
    last = None
    number = 0
    while time.monotonic() < until:
        number += 1
        text = f"{who['username']} autosave {number}: what I changed in my course."
        form = {"title": f"Load entry {who['username']}", "version": version,
                "session": "", "assignment": ""}  # fmt: skip
        form.update(dict.fromkeys(sections, text))
        status, body, _url = person.request(
            "autosave", edit, form, {"X-Autosave": "1"}
        )  # fmt: skip
        if status == 200:
            version, last = str(json.loads(body)["version"]), text
            person.tally.acknowledged("journal autosave")
        elif status == 409:
            person.tally.lose(
                f"{who['username']}: autosave refused as stale: {body[:120]}"
            )
        if number % 10 == 1:
            _status, page, _url = person.request(
                "check-in", "/trajectory/check-in/", {"code": code}
            )  # fmt: skip
            if "You are checked in" in page:
                who["checked_in"] = True
                person.tally.acknowledged("check-in")
        time.sleep(random.uniform(0.05, 0.3))  # noqa: S311 - pacing, not security
    _status, page, _url = person.request("journal page", edit)
    for section in sections:
        if last is not None and _textarea(page, section) != last:
            person.tally.lose(
                f"{who['username']} {section}: {_textarea(page, section)!r}"
            )


def _session_form(page: str, session: int) -> tuple[dict[str, str], list[str]]:
    """The marks a cohort page shows for one session, and each mark's options."""
    start = page.index(f'name="session" value="{session}"')
    form = page[start : page.index("</form>", start)]
    loaded = dict(re.findall(r'name="was-(\d+)" value="(\w*)"', form))
    options = sorted(set(re.findall(r'name="attendance-\d+" value="(\w+)"', form)))
    return loaded, options


def coach(person: Person, cohort: int, session: int, until: float) -> None:
    """Mark the attendance of one session again and again, as the page sends it."""
    page_path = f"/coach/cohorts/{cohort}/"
    _status, page, _url = person.request("cohort page", page_path)
    loaded, options = _session_form(page, session)
    acked: dict[str, str] = {}
    while time.monotonic() < until:
        marks = {k: random.choice(options) for k in loaded}  # noqa: S311
        form = {"session": str(session), "action": "attendance"}
        form.update({f"attendance-{k}": v for k, v in marks.items()})
        form.update({f"was-{k}": v for k, v in loaded.items()})
        status, page, _url = person.request("attendance", page_path, form)
        if status != 200:
            continue
        if "Not saved for" in page or "Nothing was saved" in page:
            person.tally.lose(f"coach session {session}: marks refused")
        elif "Attendance saved" in page:
            acked = marks
            person.tally.acknowledged("attendance batch")
        loaded, _options = _session_form(page, session)
        time.sleep(random.uniform(0.2, 0.8))  # noqa: S311
    _status, page, _url = person.request("cohort page", page_path)
    now, _options = _session_form(page, session)
    for enrolment, mark in acked.items():
        if now.get(enrolment) != mark:
            person.tally.lose(
                f"attendance {session}/{enrolment}: {now.get(enrolment)} != {mark}"
            )


def coordinator(person: Person, until: float) -> None:
    """Ask for yearly reports and read insight, as a coordinator does."""
    while time.monotonic() < until:
        _status, page, _url = person.request("reports", "/insight/reports/")
        year = re.search(r'<select name="year"[^>]*>\s*<option value="([^"]+)"', page)
        faculty = re.search(
            r'<select name="faculty"[^>]*>.*?<option value="(\d+)"', page, re.S
        )
        if year:
            form = {
                "year": year.group(1),
                "faculty": faculty.group(1) if faculty else "",
            }
            status, _page, _url = person.request(
                "report request", "/insight/reports/", form
            )
            if status == 200:
                person.tally.acknowledged("report request")
        person.request("insight", "/insight/faculty/")
        time.sleep(random.uniform(0.5, 1.5))  # noqa: S311


def reader(person: Person, until: float) -> None:
    """Search practices and open them; a signed-in reader's views are recorded."""
    while time.monotonic() < until:
        query = random.choice(["feedback", "assessment", "inclusive", "taal", ""])  # noqa: S311
        _status, page, _url = person.request(
            "practice search", f"/practices/?q={query}"
        )
        links = re.findall(r'href="(/practices/[a-z0-9-]+/)"', page)
        for link in random.sample(links, min(3, len(links))):
            person.request("practice page", link)
        time.sleep(random.uniform(0.1, 0.4))  # noqa: S311


def run_load(
    base: str, world: dict[str, Any], seconds: float, readers: int = 2
) -> dict[str, Any]:
    """Everyone in `world` (from `prepare.py`) works for `seconds`; the tally."""
    tally = Tally()
    people: list[tuple[Any, tuple[Any, ...]]] = []
    signed_in: list[Person] = []

    def signed(username: str | None) -> Person:
        person = Person(base, tally)
        if username:
            person.sign_in(username)
        signed_in.append(person)
        return person

    coach_person = signed(world["coaches"][0])
    _status, screen, _url = coach_person.request(
        "check-in code", f"/coach/cohorts/{world['cohort']}/",
        {"session": str(world["running_session"]), "action": "code"},
    )  # fmt: skip
    code_found = re.search(r'data-checkin-code aria-label="[^:"]*: (\w+)"', screen)
    code = code_found.group(1) if code_found else ""
    until = time.monotonic() + seconds
    for who in world["lecturers"]:
        people.append((lecturer, (signed(who["username"]), who, code, until)))
    for username, session in zip(
        world["coaches"], world["marked_sessions"], strict=False
    ):
        people.append((coach, (signed(username), world["cohort"], session, until)))
    people.append((coordinator, (signed(world["coordinator"]), until)))
    for number in range(readers):
        people.append(
            (
                reader,
                (signed(world["lecturers"][0]["username"] if number else None), until),
            )
        )
    threads = [threading.Thread(target=work, args=args) for work, args in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _status, page, _url = coach_person.request(
        "cohort page", f"/coach/cohorts/{world['cohort']}/"
    )
    marks, _options = _session_form(page, world["running_session"])
    for who in world["lecturers"]:
        if who.get("checked_in") and marks.get(str(who["enrolment"])) != "present":
            tally.lose(
                f"check-in of {who['username']}: {marks.get(str(who['enrolment']))}"
            )
    result = tally.summary()
    result.update(clients=len(threads), seconds=seconds, code_found=bool(code))
    return result
