"""The issuing-key system check: production refuses to start without a key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import Error, Warning, registry
from django.test import override_settings

from certification.checks import check_issuing_keys, register_checks
from tests.certification.openbadges_world import KEY_2026

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def ids(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [message.id for message in messages]


@override_settings(
    DEBUG=False, ENGAGE_CERTIFICATION_KEYS="", ENGAGE_CERTIFICATION_DEV_KEY_FILE=None
)
def test_no_key_with_debug_off_is_an_error() -> None:
    messages = check_issuing_keys()

    assert ids(messages) == ["engage_certification.E001"]
    assert isinstance(messages[0], Error)
    assert "ENGAGE_CERTIFICATION_KEYS" in messages[0].hint


@override_settings(
    DEBUG=True, ENGAGE_CERTIFICATION_KEYS="", ENGAGE_CERTIFICATION_DEV_KEY_FILE=None
)
def test_no_key_with_debug_on_is_a_warning() -> None:
    messages = check_issuing_keys()

    assert ids(messages) == ["engage_certification.W001"]
    assert isinstance(messages[0], Warning)


@pytest.mark.parametrize("debug", [True, False])
def test_a_configured_key_passes(debug: bool) -> None:
    with override_settings(
        DEBUG=debug,
        ENGAGE_CERTIFICATION_KEYS=f"2026-01:{KEY_2026}",
        ENGAGE_CERTIFICATION_DEV_KEY_FILE=None,
    ):
        assert check_issuing_keys() == []


def test_the_dev_key_file_passes_and_is_not_created_by_the_check(
    tmp_path: Path,
) -> None:
    dev_file = tmp_path / "dev-issuing-key"
    with override_settings(
        ENGAGE_CERTIFICATION_KEYS="", ENGAGE_CERTIFICATION_DEV_KEY_FILE=dev_file
    ):
        assert check_issuing_keys() == []
    assert not dev_file.exists()


@pytest.mark.parametrize(
    "config",
    ["2026-01", "2026-01:z3u2broken", "[{", [{"id": "x/y", "private_key": KEY_2026}]],
)
def test_a_broken_key_is_an_error_naming_the_setting(config: object) -> None:
    with override_settings(ENGAGE_CERTIFICATION_KEYS=config):
        messages = check_issuing_keys()

    assert ids(messages) == ["engage_certification.E002"]
    assert messages[0].msg.startswith("ENGAGE_CERTIFICATION_KEYS: ")


def test_the_project_settings_pass() -> None:
    assert check_issuing_keys() == []


def test_register_checks_adds_the_check() -> None:
    register_checks()

    assert check_issuing_keys in registry.registry.get_checks()


def run_check_with_production_settings(
    **environment: str,
) -> subprocess.CompletedProcess[str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "ENGAGE_CERTIFICATION_KEYS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.site.settings.production",
        SECRET_KEY="x7Gq-production-secret-" + "k" * 40,
        **environment,
    )
    script = (
        "import django; django.setup()\n"
        "from certification.checks import check_issuing_keys\n"
        "print('ids=' + ','.join(m.id for m in check_issuing_keys()))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_without_a_key_fail_the_check() -> None:
    result = run_check_with_production_settings()

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "ids=engage_certification.E001"


def test_production_settings_read_the_key_from_the_environment() -> None:
    result = run_check_with_production_settings(
        ENGAGE_CERTIFICATION_KEYS=f"2026-01:{KEY_2026}"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "ids="
