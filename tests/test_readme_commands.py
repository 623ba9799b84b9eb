"""Every command the READMEs give a person is run somewhere: by a test, or by CI
(`.ci/run`, which also runs `dev.py run` and signs in to the demo). A command
that nothing runs is a claim nobody checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
DOCS = [
    path
    for path in (
        *ROOT.glob("*.md"),
        *ROOT.glob("*/README.md"),
        *ROOT.glob("*/*/README.md"),
    )
    if "node_modules" not in path.parts and ".venv" not in path.parts
]
MANAGE = re.compile(r"manage\.py ([a-z_]+)")
DEV = re.compile(r"dev\.py ([a-z]+)")
# Django's own commands that CI or dev.py runs for the README's steps.
RUN_BY_CI = (ROOT / ".ci" / "run").read_text() + (ROOT / "dev.py").read_text()


def _mentioned(pattern: re.Pattern[str]) -> list[str]:
    return sorted({m for path in DOCS for m in pattern.findall(path.read_text())})


def _tests_text() -> str:
    return "\n".join(p.read_text() for p in (ROOT / "tests").rglob("*.py"))


@pytest.mark.parametrize("command", _mentioned(MANAGE))
def test_every_manage_command_in_the_docs_exists_and_is_run(command: str) -> None:
    assert command in get_commands(), f"the docs name a missing command: {command}"
    tests = _tests_text()
    run = (
        f'call_command("{command}"' in tests
        or f'"{command}"' in tests
        or command in RUN_BY_CI
    )
    assert run, f"no test and no CI step runs `manage.py {command}`"


@pytest.mark.parametrize("command", _mentioned(DEV))
def test_every_dev_py_command_in_the_docs_is_run_by_ci(command: str) -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert f"dev.py {command}" in ci or command == "lock", (
        f"CI does not run `dev.py {command}`"
    )
