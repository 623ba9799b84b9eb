"""System checks of the platform core's settings."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.checks import Error, Warning, run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from lms.checks import (
    check_outage_settings,
    check_site_url,
    check_upload_archive_settings,
    check_upload_settings,
)


def ids(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [message.id for message in messages]


def test_the_project_settings_pass() -> None:
    assert check_upload_settings() == []
    assert check_site_url() == []


@pytest.mark.parametrize("value", [0, -1, "10485760", "10MB", 1.5, None, [1]])
def test_bad_upload_max_bytes_is_an_error(value: object) -> None:
    with override_settings(ENGAGE_UPLOAD_MAX_BYTES=value):
        errors = check_upload_settings()

    assert ids(errors) == ["engage_lms.E001"]
    assert isinstance(errors[0], Error)
    assert "ENGAGE_UPLOAD_MAX_BYTES" in errors[0].msg


@pytest.mark.parametrize("value", [1, 1024, 50 * 1024 * 1024])
def test_positive_upload_max_bytes_is_fine(value: int) -> None:
    with override_settings(ENGAGE_UPLOAD_MAX_BYTES=value):
        assert check_upload_settings() == []


@pytest.mark.parametrize(
    "value", ["pdf", "pdf,docx", ["pdf", "do cx"], ["pdf", 3], ["../x"], [""]]
)
def test_bad_upload_extensions_are_an_error(value: object) -> None:
    with override_settings(ENGAGE_UPLOAD_EXTENSIONS=value):
        assert ids(check_upload_settings()) == ["engage_lms.E002"]


@pytest.mark.parametrize("value", [["pdf"], (".pdf", "DOCX"), ["pdf", "tar"], []])
def test_good_upload_extensions_pass(value: object) -> None:
    with override_settings(ENGAGE_UPLOAD_EXTENSIONS=value):
        assert check_upload_settings() == []


def test_both_upload_settings_bad_gives_both_errors() -> None:
    with override_settings(ENGAGE_UPLOAD_MAX_BYTES=0, ENGAGE_UPLOAD_EXTENSIONS="pdf"):
        assert ids(check_upload_settings()) == ["engage_lms.E001", "engage_lms.E002"]


@pytest.mark.parametrize("value", ["localhost:8000", "engage.example.org", "ftp://x"])
def test_a_relative_site_url_is_a_warning(value: str) -> None:
    with override_settings(ENGAGE_SITE_URL=value):
        warnings = check_site_url()

    assert ids(warnings) == ["engage_lms.W001"]
    assert isinstance(warnings[0], Warning)


def test_the_checks_are_registered() -> None:
    with override_settings(ENGAGE_UPLOAD_MAX_BYTES=-5, ENGAGE_SITE_URL="nowhere"):
        found = ids(run_checks())

    assert "engage_lms.E001" in found
    assert "engage_lms.W001" in found


def test_manage_py_check_refuses_a_bad_upload_limit() -> None:
    with (
        override_settings(ENGAGE_UPLOAD_MAX_BYTES=0),
        pytest.raises(SystemCheckError, match="engage_lms.E001"),
    ):
        call_command("check")


@pytest.mark.parametrize(
    ("name", "value", "error_id"),
    [
        ("ENGAGE_OUTAGE_RETRY_AFTER", 0, "engage_lms.E004"),
        ("ENGAGE_OUTAGE_RETRY_AFTER", "10", "engage_lms.E004"),
        ("ENGAGE_OUTAGE_BACKOFF", -1, "engage_lms.E005"),
        ("ENGAGE_OUTAGE_BACKOFF", None, "engage_lms.E005"),
        ("ENGAGE_HEALTH_TIMEOUT", 0, "engage_lms.E006"),
        ("ENGAGE_HEALTH_TIMEOUT", True, "engage_lms.E006"),
    ],
)
def test_outage_seconds_that_cannot_work_are_errors(
    name: str, value: object, error_id: str
) -> None:
    with override_settings(**{name: value}):
        errors = check_outage_settings()

    assert ids(errors) == [error_id]
    assert name in errors[0].msg


def test_outage_seconds_that_work_pass() -> None:
    assert check_outage_settings() == []
    with override_settings(
        ENGAGE_OUTAGE_RETRY_AFTER=30, ENGAGE_OUTAGE_BACKOFF=0, ENGAGE_HEALTH_TIMEOUT=0.5
    ):
        assert check_outage_settings() == []


@pytest.mark.parametrize(
    ("name", "value", "error_id"),
    [
        ("ENGAGE_UPLOAD_MAX_INFLATED_BYTES", 1000, "engage_lms.E020"),
        ("ENGAGE_UPLOAD_MAX_INFLATED_BYTES", "200MB", "engage_lms.E020"),
        ("ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO", 5, "engage_lms.E021"),
        ("ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO", True, "engage_lms.E021"),
        ("ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS", 0, "engage_lms.E022"),
        ("ENGAGE_UPLOAD_EXTENSIONS", ["pdf", ".SVG"], "engage_lms.W020"),
    ],
)
def test_archive_limits_that_cannot_work_are_reported(
    name: str, value: Any, error_id: str
) -> None:
    with override_settings(**{name: value}):
        found = check_upload_archive_settings()

    assert [item.id for item in found] == [error_id]


def test_the_default_archive_limits_pass() -> None:
    assert check_upload_archive_settings() == []
