"""A Redis cache that an outage turns into misses, not into errors or waits.

The cache only ever saves work: when Redis refuses or does not answer within
its socket timeouts (CACHE_CONNECT_TIMEOUT, CACHE_SOCKET_TIMEOUT), a read is a
miss, a write is skipped, and every call for the next ENGAGE_OUTAGE_BACKOFF
seconds skips Redis at once (`lms.outages.Breaker`), so a request waits on a
dead cache once. A skipped delete leaves a cached value until it expires.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outages import Breaker

T = TypeVar("T")
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

breaker = Breaker("The cache")


def _tolerant(call: Callable[[], T], fallback: T) -> T:
    if breaker.is_open:
        return fallback
    try:
        return call()
    except OUTAGE_ERRORS as error:
        breaker.trip(error)
        return fallback


class TolerantRedisCache(RedisCache):
    def ping(self) -> None:
        """Ask Redis itself (for /healthz): raises when it does not answer."""
        self._cache.get_client(None, write=True).ping()
        breaker.close()  # it answers again: use it at once, not after the back-off

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).add(key, value, timeout, version),
            False,
        )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).get(key, default, version), default
        )

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        _tolerant(
            lambda: super(TolerantRedisCache, self).set(key, value, timeout, version),
            None,
        )

    def touch(
        self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).delete(key, version), False
        )

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).get_many(keys, version), {}
        )

    def has_key(self, key: Any, version: Any = None) -> bool:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).has_key(key, version), False
        )

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        # A cache that cannot be reached holds no key: what incr says of a miss.
        gone = ValueError(f"Key '{key}' not found (the cache does not answer).")
        if breaker.is_open:
            raise gone
        try:
            return int(super().incr(key, delta, version))
        except OUTAGE_ERRORS as error:
            breaker.trip(error)
            raise gone from error

    def set_many(
        self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[Any]:
        return _tolerant(
            lambda: super(TolerantRedisCache, self).set_many(data, timeout, version),
            list(data),
        )

    def delete_many(self, keys: Any, version: Any = None) -> None:
        _tolerant(
            lambda: super(TolerantRedisCache, self).delete_many(keys, version), None
        )

    def clear(self) -> None:
        _tolerant(lambda: super(TolerantRedisCache, self).clear(), None)
