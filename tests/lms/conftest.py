"""Fixtures of the outage tests: a TCP proxy to break, and Redis when named."""

from __future__ import annotations

from tests.lms.outage_parts import dead_end, redis_proxy, redis_server

__all__ = ["dead_end", "redis_proxy", "redis_server"]
