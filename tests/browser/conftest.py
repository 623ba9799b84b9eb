"""Playwright on the system Chromium (Debian's package), with axe-core on every page.

Never downloads a browser: Chromium is found on PATH (or ENGAGE_CHROMIUM). When it
is missing these tests fail, they do not skip.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests
# make between page actions are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    path = os.environ.get("ENGAGE_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "Chromium is not installed: `apt-get install chromium` (or set "
            "ENGAGE_CHROMIUM). Browser tests never skip.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser page that records console CSP violations and checks every page."""

    page: Page
    base_url: str
    csp_violations: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base_url + path)
        return response

    def check_accessibility(self) -> None:
        """Run axe-core (WCAG 2.1 A and AA) on the current page: zero violations."""
        self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:3])
            for v in result["violations"]
        ]
        self.checked.append(self.page.url)
        assert not violations, f"axe violations on {self.page.url}:\n" + "\n".join(
            violations
        )
        assert not self.csp_violations, "\n".join(self.csp_violations)


@pytest.fixture
def visit(
    browser: Browser, live_server: Any, request: pytest.FixtureRequest
) -> Iterator[Visit]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    visit = Visit(page=page, base_url=live_server.url)

    def on_console(message: ConsoleMessage) -> None:
        if re.search(r"Content.Security.Policy", message.text, re.IGNORECASE):
            visit.csp_violations.append(message.text)

    page.on("console", on_console)
    yield visit
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        safe = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def demo_data(django_db_serialized_rollback: Any, transactional_db: Any) -> None:
    # Serialized rollback restores what migrations created (Wagtail's root page,
    # locale, collection) after the flush that ends each transactional test.
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
