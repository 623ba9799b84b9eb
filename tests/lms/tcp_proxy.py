"""A TCP proxy a test puts between the site and a server (Redis, PostgreSQL) and
then breaks on purpose.

Modes:
- ``pass_through()``: every connection is forwarded to the upstream server;
- ``refuse()``: the listening socket is closed (new connections are refused) and
  every open connection is reset, as when the server is down;
- ``hang()``: connections are accepted and nothing is ever forwarded or
  answered, new or open ones, as when a server or the network stops answering.

It listens on 127.0.0.1 on a port of its own, the same one across modes. One
thread runs a selector loop; mode changes are handed to it and waited for, so
a test knows the proxy is in the new mode when the call returns.
"""

from __future__ import annotations

import contextlib
import queue
import selectors
import socket
import struct
import threading
from types import TracebackType

PASS, REFUSE, HANG = "pass", "refuse", "hang"


class TcpProxy:
    def __init__(self, upstream_host: str | None, upstream_port: int | None) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.mode = PASS
        self.accepted = 0  # connections accepted in any mode
        self._selector = selectors.DefaultSelector()
        self._listener: socket.socket | None = None
        self._peers: dict[socket.socket, socket.socket] = {}
        self._held: list[socket.socket] = []
        self._commands: queue.Queue[tuple[str, threading.Event]] = queue.Queue()
        self._stopped = threading.Event()
        self.port = self._listen(0)
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    # --- the test's side ------------------------------------------------------

    def pass_through(self) -> None:
        self._command(PASS)

    def refuse(self) -> None:
        self._command(REFUSE)

    def hang(self) -> None:
        self._command(HANG)

    def close(self) -> None:
        if not self._stopped.is_set():
            self._command("stop")
            self._thread.join(timeout=5)

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _command(self, name: str) -> None:
        done = threading.Event()
        self._commands.put((name, done))
        if not done.wait(timeout=10):
            raise RuntimeError(f"the proxy did not switch to {name}")

    # --- the loop's side ----------------------------------------------------------

    def _listen(self, port: int) -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
        listener.setblocking(False)
        self._listener = listener
        self._selector.register(listener, selectors.EVENT_READ)
        return int(listener.getsockname()[1])

    def _loop(self) -> None:
        while not self._stopped.is_set():
            self._apply_commands()
            if not self._selector.get_map():
                self._stopped.wait(0.02)
                continue
            for key, _events in self._selector.select(timeout=0.02):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._listener:
                    self._accept()
                elif sock in self._peers:
                    self._forward(sock)

    def _apply_commands(self) -> None:
        while True:
            try:
                name, done = self._commands.get_nowait()
            except queue.Empty:
                return
            self._switch(name)
            done.set()

    def _switch(self, name: str) -> None:
        if name == "stop":
            self._reset_all()
            self._close_listener()
            self._stopped.set()
            return
        if name == REFUSE:
            self._close_listener()
            self._reset_all()
        elif name == HANG:
            if self._listener is None:
                self._listen(self.port)
            # Open connections stop moving: nothing is read or written any more.
            for sock in list(self._peers):
                self._selector.unregister(sock)
                self._held.append(sock)
            self._peers.clear()
        elif name == PASS:
            if self._listener is None:
                self._listen(self.port)
            # What hung is dropped: its clients gave up (or will now).
            self._reset_held()
        self.mode = name

    def _accept(self) -> None:
        assert self._listener is not None
        try:
            client, _address = self._listener.accept()
        except BlockingIOError:
            return
        self.accepted += 1
        if self.mode == HANG or self.upstream[0] is None:
            self._held.append(client)  # accepted, never answered
            return
        try:
            server = socket.create_connection(self.upstream, timeout=5)  # type: ignore[arg-type]
        except OSError:
            _reset(client)
            return
        for sock in (client, server):
            sock.setblocking(True)
            sock.settimeout(5)
            self._selector.register(sock, selectors.EVENT_READ)
        self._peers[client] = server
        self._peers[server] = client

    def _forward(self, sock: socket.socket) -> None:
        peer = self._peers[sock]
        try:
            data = sock.recv(65536)
            if data:
                peer.sendall(data)
                return
        except OSError:
            pass
        self._drop_pair(sock, peer)

    def _drop_pair(self, sock: socket.socket, peer: socket.socket) -> None:
        for one in (sock, peer):
            self._peers.pop(one, None)
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(one)
            _reset(one)

    def _reset_all(self) -> None:
        for sock in list(self._peers):
            if sock in self._peers:
                self._drop_pair(sock, self._peers[sock])
        self._reset_held()

    def _reset_held(self) -> None:
        for sock in self._held:
            _reset(sock)
        self._held.clear()

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._selector.unregister(self._listener)
            self._listener.close()
            self._listener = None


def _reset(sock: socket.socket) -> None:
    """Close with a reset (RST), as a crashed server's connections end."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()
