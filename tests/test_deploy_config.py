"""The production examples in docs/deploy/ agree with the site's settings and with
each other, so they cannot drift: nginx buffers whole requests, gives up on slow
clients, takes bodies as large as the site's upload limit (and no larger), and
waits longer than gunicorn's own timeout. No nginx is needed to run this."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from gunicorn.config import Config

from lms.conf import engage_settings
from lms.xapi.conf import xapi_settings

ROOT = Path(__file__).resolve().parents[1]
NGINX = ROOT / "docs" / "deploy" / "nginx.conf"
GUNICORN = ROOT / "docs" / "deploy" / "gunicorn.conf.py"
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_SECONDS = {"": 1, "s": 1, "m": 60}


def _directives() -> dict[str, list[str]]:
    """Every `name value;` of the nginx example, comments removed."""
    text = re.sub(r"#[^\n]*", "", NGINX.read_text())
    found: dict[str, list[str]] = {}
    for name, value in re.findall(r"^\s*([a-z_0-9]+)\s+([^;{}]+);", text, re.M):
        found.setdefault(name, []).append(value.strip())
    return found


def _size(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kmg]?)", value.lower()).groups()  # type: ignore[union-attr]
    return int(number) * _UNITS[unit]


def _seconds(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([sm]?)", value).groups()  # type: ignore[union-attr]
    return int(number) * _SECONDS[unit]


def _gunicorn() -> dict[str, object]:
    loaded = runpy.run_path(str(GUNICORN))
    return {k: v for k, v in loaded.items() if not k.startswith("_") and k.islower()}


def test_the_examples_exist_and_the_readme_links_them() -> None:
    readme = (ROOT / "README.md").read_text()

    assert NGINX.is_file() and GUNICORN.is_file()
    assert "docs/deploy/nginx.conf" in readme
    assert "gunicorn -c docs/deploy/gunicorn.conf.py lms.site.wsgi" in readme


def test_nginx_reads_whole_requests_before_gunicorn_sees_them() -> None:
    nginx = _directives()

    assert nginx["proxy_request_buffering"] == ["on"]
    assert nginx["proxy_buffering"] == ["on"]
    assert nginx["proxy_pass"] == ["http://engage_pd"]


@pytest.mark.parametrize(
    ("directive", "most"),
    [("client_header_timeout", 15), ("client_body_timeout", 15), ("send_timeout", 60),
     ("keepalive_timeout", 75), ("proxy_connect_timeout", 10)],
)  # fmt: skip
def test_nginx_gives_up_on_slow_clients(directive: str, most: int) -> None:
    (value,) = _directives()[directive]

    assert 0 < _seconds(value) <= most


def test_the_body_limit_matches_the_upload_and_lrs_limits() -> None:
    (value,) = _directives()["client_max_body_size"]
    largest = max(engage_settings.upload_max_bytes, xapi_settings.max_body_bytes)

    # Room for the form around the file, and no more: a file over the site's limit
    # should reach the site, which refuses it with a reason, only just.
    assert largest < _size(value) <= largest + 2 * 1024 * 1024
    assert _size(value) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_nginx_waits_longer_than_gunicorn_so_gunicorn_answers_first() -> None:
    nginx, gunicorn = _directives(), _gunicorn()

    assert _seconds(nginx["proxy_read_timeout"][0]) > int(gunicorn["timeout"])  # type: ignore[call-overload]
    assert _seconds(nginx["proxy_send_timeout"][0]) >= int(gunicorn["timeout"])  # type: ignore[call-overload]


def test_gunicorn_settings_are_real_settings_with_safe_values() -> None:
    gunicorn, config = _gunicorn(), Config()
    settings_in_file = {k: v for k, v in gunicorn.items() if k in config.settings}

    for name, value in settings_in_file.items():
        config.set(name, value)  # gunicorn's own validation
    assert set(settings_in_file) >= {
        "bind", "workers", "worker_class", "timeout", "graceful_timeout",
        "limit_request_line", "limit_request_fields", "limit_request_field_size",
    }  # fmt: skip
    assert config.worker_class_str == "sync"
    assert 0 < config.timeout <= 60 and 0 < config.graceful_timeout <= 60
    assert config.bind == ["127.0.0.1:8000"]  # only nginx reaches it
    upstream = re.search(r"upstream engage_pd \{\s*server ([^;]+);", NGINX.read_text())
    assert upstream and upstream[1] == config.bind[0]
    header = _size(_directives()["large_client_header_buffers"][0].split()[1])
    assert header - 2 <= config.limit_request_line <= 8190


def test_media_is_served_by_nginx_only_for_images_and_never_runs_script() -> None:
    text = NGINX.read_text()
    images = text[text.index("location ~ ^/media/(images|original_images)/") :]
    images = images[: images.index("\n    }")]

    assert "default_type application/octet-stream;" in images
    assert "add_header X-Content-Type-Options nosniff always;" in images
    assert "sandbox" in images
    assert "svg" not in images
    assert re.search(r"location /media/ \{\s*return 404;\s*\}", text)
