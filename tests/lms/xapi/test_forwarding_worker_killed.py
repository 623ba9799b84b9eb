"""A real Celery worker is killed (SIGKILL) in the middle of forwarding a batch:
the receiving LRS already stored it, the worker never heard back. Nothing is
lost, and nothing arrives twice once the lease runs out and the batch is sent
again."""

from __future__ import annotations

import os
import signal
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from lms.xapi.models import OutboxEntry
from lms.xapi.services import forwarding
from tests.celery_worker import wait_for
from tests.lms.xapi.second_lrs import SecondLRS
from tests.lms.xapi.test_forwarding import destination_for, store, time_passes

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_HOP_BY_HOP = {"connection", "content-length", "transfer-encoding", "host"}


class HoldingProxy(ThreadingHTTPServer):
    """Relays every request to the real second LRS; while `hold` is set it keeps
    the LRS's answer to a POST from the sender (the LRS has stored the batch)."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _Relay)
        self.upstream = upstream.split("/xapi/")[0]
        self.hold = threading.Event()
        self.release = threading.Event()
        self.held = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/xapi/"


class _Relay(BaseHTTPRequestHandler):
    server: HoldingProxy

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        request = urllib.request.Request(  # noqa: S310 - the test's own LRS
            self.server.upstream + self.path,
            data=self.rfile.read(length) if length else None,
            headers={
                k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP
            },
            method=self.command,
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                status, headers, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        if self.command == "POST" and self.server.hold.is_set():
            self.server.held += 1
            self.server.release.wait(60)
        try:
            self.send_response(status)
            for key, value in headers.items():
                if key.lower() not in _HOP_BY_HOP:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the sender is gone (killed): nobody to answer

    do_GET = do_POST = do_PUT = _relay

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def proxy(second_lrs: SecondLRS) -> Iterator[HoldingProxy]:
    server = HoldingProxy(second_lrs.url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def test_a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(
    celery_worker: dict[str, str], second_lrs: SecondLRS, proxy: HoldingProxy
) -> None:
    destination = destination_for(second_lrs, endpoint=proxy.url, timeout_seconds=60)
    proxy.hold.set()

    # Stored and committed: the commit kicks the worker, which claims the batch
    # and POSTs it; the second LRS stores it, the answer is held back.
    ids = store(10)
    assert wait_for(lambda: proxy.held == 1)
    assert set(ids) <= set(second_lrs.statement_ids())

    os.kill(int(celery_worker["WORKER_PID"]), signal.SIGKILL)
    proxy.hold.clear()
    proxy.release.set()

    # The worker died before it could record the delivery: still pending, leased.
    entries = OutboxEntry.objects.filter(destination=destination)
    assert entries.count() == 10
    assert entries.filter(state=OutboxEntry.State.PENDING).count() == 10
    assert forwarding.forward_batch(destination.pk) is None  # the lease holds

    time_passes()  # the lease runs out; another worker (here: this test) sends
    assert forwarding.drain(destination.pk).sent == 10
    assert entries.filter(state=OutboxEntry.State.SENT).count() == 10

    received = [i for i in second_lrs.statement_ids() if i in set(ids)]
    assert sorted(received) == sorted(ids)  # every one, each exactly once
