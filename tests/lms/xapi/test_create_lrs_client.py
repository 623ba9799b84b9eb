"""`manage.py create_lrs_client` prints working credentials once."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from lms.xapi.models import LRSClient

pytestmark = pytest.mark.django_db


def run(*args: str) -> dict[str, str]:
    out = io.StringIO()
    call_command("create_lrs_client", *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_key_and_secret_and_stores_only_a_hash() -> None:
    credentials = run("H5P")
    client = LRSClient.objects.get(key=credentials["key"])
    assert client.check_secret(credentials["secret"])
    assert credentials["secret"] not in client.secret_hash
    assert client.can_read and client.can_write


def test_scopes() -> None:
    reader = LRSClient.objects.get(key=run("Dashboards", "--read-only")["key"])
    assert reader.can_read and not reader.can_write
    writer = LRSClient.objects.get(key=run("cmi5", "--write-only")["key"])
    assert writer.can_write and not writer.can_read


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(CommandError):
        run(name)


def test_duplicate_names_are_refused() -> None:
    run("H5P")
    with pytest.raises(CommandError):
        run("H5P")
