"""Run a function in many threads at once, switching between them as often as
CPython allows: what a threaded server (runserver, gunicorn's threads) does to
module-level state."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable


def hammer(work: Callable[[], None], threads: int = 8) -> None:
    """Start `threads` threads of `work` together and wait for all of them."""
    start = threading.Barrier(threads)

    def run() -> None:
        start.wait()
        work()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        running = [threading.Thread(target=run) for _ in range(threads)]
        for thread in running:
            thread.start()
        for thread in running:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
