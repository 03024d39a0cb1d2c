"""Cache backends that degrade: a cache that cannot be read or written is a miss, never a 500.

The cache only saves work (pages, facet counts, searches) or counts (API throttling, sign-in
failures); when its directory cannot be written or its Redis server is down, every page is still
computed from the database. ``DegradingFileBasedCache`` and ``DegradingRedisCache`` are the
built-in backends with each operation turned into a miss on such an error: ``get`` gives the
default, ``set``/``add``/``delete``/``touch``/``has_key`` report nothing done, ``incr`` counts from
zero; for two seconds after a failure the store is not tried at all. The failure is logged at most
once a minute per cache. ``/health/`` checks the cache with a
real round trip that bypasses this (``round_trip()``), so a broken cache is still reported.
"""

import logging
import time
import uuid

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("core.cache")

LOG_EVERY_SECONDS = 60
RETRY_AFTER_SECONDS = 2
_last_logged: dict[str, float] = {}
_down_until: dict[str, float] = {}

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # redis-py is only needed with REDIS_URL
    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError,)
else:
    CACHE_ERRORS = (OSError, RedisConnectionError, RedisTimeoutError)


class DegradingCacheMixin:
    """Put before a cache backend class: its operations answer as a miss when the store fails,
    and for ``RETRY_AFTER_SECONDS`` after a failure without trying it (a Redis that does not
    answer would otherwise cost every operation its timeout)."""

    def __init__(self, location, params):
        self._location = str(location)
        try:
            super().__init__(location, params)
        except CACHE_ERRORS as error:  # FileBasedCache makes its directory last thing; each write tries again
            self._degraded("creation", error)

    def _degraded(self, operation: str, error: Exception) -> None:
        # Per store, not per backend instance: Django makes one per thread.
        now = time.monotonic()
        _down_until[self._location] = now + RETRY_AFTER_SECONDS
        if now - _last_logged.get(self._location, -LOG_EVERY_SECONDS) >= LOG_EVERY_SECONDS:
            _last_logged[self._location] = now
            logger.warning(
                "Cache %s failed (%s: %s); serving without the cache, logged once a minute.",
                operation,
                type(error).__name__,
                error,
            )

    def _attempt(self, operation: str, miss, call, *args):
        """``call(*args)``, or ``miss`` when the store fails or failed a moment ago."""
        if time.monotonic() < _down_until.get(self._location, 0.0):
            return miss
        try:
            return call(*args)
        except CACHE_ERRORS as error:
            self._degraded(operation, error)
            return miss

    def strict(self, name: str):
        """The backend's own operation ``name``, which raises when the store fails."""
        return getattr(super(), name)

    def get(self, key, default=None, version=None):
        return self._attempt("get", default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("set", None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("add", False, super().add, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._attempt("delete", False, super().delete, key, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("touch", False, super().touch, key, timeout, version)

    def has_key(self, key, version=None):
        return self._attempt("has_key", False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # A count that cannot be read starts again (django-axes adds, then increments).
        return self._attempt("incr", delta, super().incr, key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)

    def get_many(self, keys, version=None):
        return self._attempt("get_many", {}, super().get_many, keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt("set_many", list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt("clear", None, super().clear)


class DegradingFileBasedCache(DegradingCacheMixin, FileBasedCache):
    """The cache on disk (CACHE_DIR); an unwritable or vanished directory is a miss."""


class DegradingRedisCache(DegradingCacheMixin, RedisCache):
    """Django's Redis cache (REDIS_URL); a Redis server that is down or slow is a miss.

    ``clear()`` deletes only this site's keys (those under its KEY_PREFIX), never the whole Redis
    database, which other sites or tests may share."""

    def clear(self):
        self._attempt("clear", None, self._clear_prefix)

    def _clear_prefix(self):
        client = self._cache.get_client(write=True)
        pattern = _glob_escape(self.key_prefix) + ":*"  # make_key(): "<prefix>:<version>:<key>"
        batch = []
        for key in client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)


def _glob_escape(text: str) -> str:
    return "".join(f"\\{char}" if char in "*?[]\\" else char for char in text)


def round_trip(backend: BaseCache) -> bool:
    """Write, read back and delete a probe key, bypassing the degrading wrapper: True when the
    cache really stores what it is given, False when it does not or fails."""
    if isinstance(backend, DegradingCacheMixin):
        set_, get, delete = backend.strict("set"), backend.strict("get"), backend.strict("delete")
    else:
        set_, get, delete = backend.set, backend.get, backend.delete
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        set_(key, value, 10)
        stored = get(key)
        delete(key)
    except CACHE_ERRORS:
        return False
    return stored == value
