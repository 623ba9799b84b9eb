"""Production settings without collectstatic: the static files manifest is missing.

The manifest storage then refuses to name any static file ("Missing staticfiles
manifest entry"). The error pages must still render (a 404 stays a 404, not a
500 of its own), and the deploy check says what is wrong before the site starts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, RequestFactory, override_settings
from django.urls import get_resolver

from lms.checks import check_static_manifest

CSS = "engage_frontend/css/engage.css"
MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def storages_with(backend: str) -> dict[str, Any]:
    return {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}


@pytest.fixture
def without_manifest(tmp_path: Path) -> Iterator[Path]:
    """The production storage over an empty STATIC_ROOT."""
    with override_settings(
        STORAGES=storages_with(MANIFEST_STORAGE), STATIC_ROOT=tmp_path, DEBUG=False
    ):
        yield tmp_path


@pytest.mark.django_db
def test_a_missing_page_is_a_404_without_the_manifest(without_manifest: Path) -> None:
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    # The stylesheet is still linked, by its plain address.
    assert 'href="/static/engage_frontend/css/engage.css"' in html


def test_the_server_error_page_renders_without_the_manifest(
    without_manifest: Path, rf: RequestFactory
) -> None:
    handler = get_resolver().resolve_error_handler(500)
    response = handler(rf.get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert 'href="/static/engage_frontend/css/engage.css"' in html


@pytest.mark.django_db
def test_with_the_manifest_pages_link_the_hashed_files(without_manifest: Path) -> None:
    (without_manifest / "staticfiles.json").write_text(
        json.dumps(
            {
                "version": "1.1",
                "hash": "x",
                "paths": {CSS: "engage_frontend/css/engage.0123abcd.css"},
            }
        )
    )
    with override_settings(STATIC_ROOT=without_manifest):  # a fresh storage
        html = Client().get("/no-such-page/").content.decode()

    assert 'href="/static/engage_frontend/css/engage.0123abcd.css"' in html


def test_the_deploy_check_reports_the_missing_manifest(without_manifest: Path) -> None:
    errors = check_static_manifest()

    assert [error.id for error in errors] == ["engage_lms.E003"]
    assert "collectstatic" in (errors[0].hint or "")
    with pytest.raises(SystemCheckError, match="engage_lms.E003"):
        call_command("check", deploy=True)


def test_the_ordinary_check_leaves_migrate_before_collectstatic_alone(
    without_manifest: Path,
) -> None:
    call_command("check")  # no SystemCheckError: E003 is a deploy check


def test_the_deploy_check_passes_with_the_manifest(without_manifest: Path) -> None:
    (without_manifest / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "hash": "", "paths": {}})
    )
    assert check_static_manifest() == []


def test_a_storage_without_a_manifest_needs_none(tmp_path: Path) -> None:
    with override_settings(
        STORAGES=storages_with("django.contrib.staticfiles.storage.StaticFilesStorage"),
        STATIC_ROOT=tmp_path,
    ):
        assert check_static_manifest() == []
