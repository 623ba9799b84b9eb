"""A destination whose answers are hostile or broken (markup, NUL, megabytes)
cannot break forwarding or the operator's page: the outbox keeps what a
database can store, and the page shows one short line of plain text."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from lms.xapi.models import Destination, DestinationHealth, OutboxEntry
from lms.xapi.services import forwarding, store_statements
from tests.lms.xapi.factories import statement

pytestmark = pytest.mark.django_db

ANSWER = b"<html><script>alert(1)</script><h1>Broken\x00</h1>" + b"x" * 2_000_000


@pytest.fixture
def hostile_lrs() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(502)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(ANSWER)))
            self.end_headers()
            self.wfile.write(ANSWER)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/xapi/"
    server.shutdown()
    server.server_close()


def test_a_hostile_answer_is_stored_cleaned_and_cut(hostile_lrs: str) -> None:
    destination = Destination.objects.create(
        name=f"hostile-{uuid.uuid4().hex[:6]}", endpoint=hostile_lrs,
        username="u", password="p", batch_size=4,
    )  # fmt: skip
    store_statements(
        [statement(email=f"h{i}@example.org") for i in range(4)], client=None
    )

    result = forwarding.drain(destination.pk)

    assert (result.sent, result.failed, result.dead) == (0, 4, 0)  # an outage
    entry = OutboxEntry.objects.filter(destination=destination).first()
    assert entry is not None and "\x00" not in entry.last_error
    assert len(entry.last_error) <= 1600
    health = DestinationHealth.objects.get(destination=destination)
    assert health.last_error_status == 502
    assert health.last_error.startswith("Broken")
    assert "<" not in health.last_error and "\x00" not in health.last_error
    assert len(health.last_error) <= 300
