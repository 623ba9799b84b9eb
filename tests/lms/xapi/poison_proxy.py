"""An HTTP proxy in front of the second LRS that answers 500 for any batch holding
a poisoned statement (as an LRS whose parser breaks on it would), or for every
request while `down`; everything else reaches the real second LRS."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.lms.xapi.second_lrs import SecondLRS

POISON_VERB = "https://example.org/verbs/poison"
FORWARDED_HEADERS = ("Authorization", "Content-Type", "X-Experience-API-Version")


class PoisonProxy:
    def __init__(self, target: SecondLRS) -> None:
        self.target = target
        self.down = False
        self.poison_verb = POISON_VERB
        self.posts: list[int] = []  # the batch size of every POST received
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                statements = json.loads(body)
                proxy.posts.append(len(statements))
                poisoned = [
                    s["id"] for s in statements if s["verb"]["id"] == proxy.poison_verb
                ]
                if proxy.down or poisoned:
                    reason = "down" if proxy.down else f"cannot store {poisoned[0]}"
                    self._answer(500, f"Internal Server Error: {reason}".encode())
                    return
                request = urllib.request.Request(  # noqa: S310 - a local test LRS
                    f"{proxy.target.url}statements",
                    data=body,
                    method="POST",
                    headers={h: self.headers[h] for h in FORWARDED_HEADERS},
                )
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                        self._answer(response.status, response.read())
                except urllib.error.HTTPError as error:
                    self._answer(error.code, error.read())

            def _answer(self, status: int, content: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xapi/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def poison_proxy(second_lrs: SecondLRS) -> Iterator[PoisonProxy]:
    proxy = PoisonProxy(second_lrs)
    yield proxy
    proxy.close()
