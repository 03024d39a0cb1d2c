"""Cache backends that degrade: a cache that cannot be read or written is a miss, never a 500.

The cache only saves work (pages, facet counts, searches) or counts (API throttling, sign-in
failures); when its directory cannot be written or its Redis server is down, every page is still
computed from the database. ``DegradingFileBasedCache`` and ``DegradingRedisCache`` are the
built-in backends with each operation turned into a miss on such an error: ``get`` gives the
default, ``set``/``add``/``delete``/``touch``/``has_key`` report nothing done, ``incr`` counts from
zero. The failure is logged at most once a minute per cache. ``/health/`` checks the cache with a
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
_last_logged: dict[str, float] = {}

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # redis-py is only needed with REDIS_URL
    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError,)
else:
    CACHE_ERRORS = (OSError, RedisConnectionError, RedisTimeoutError)


class DegradingCacheMixin:
    """Put before a cache backend class: its operations answer as a miss when the store fails."""

    def __init__(self, location, params):
        self._location = str(location)
        try:
            super().__init__(location, params)
        except CACHE_ERRORS as error:  # FileBasedCache makes its directory last thing; each write tries again
            self._degraded("creation", error)

    def _degraded(self, operation: str, error: Exception) -> None:
        # Once a minute per store, not per backend instance: Django makes one per thread.
        now = time.monotonic()
        if now - _last_logged.get(self._location, -LOG_EVERY_SECONDS) >= LOG_EVERY_SECONDS:
            _last_logged[self._location] = now
            logger.warning(
                "Cache %s failed (%s: %s); serving without the cache, logged once a minute.",
                operation,
                type(error).__name__,
                error,
            )

    def strict(self, name: str):
        """The backend's own operation ``name``, which raises when the store fails."""
        return getattr(super(), name)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except CACHE_ERRORS as error:
            self._degraded("get", error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except CACHE_ERRORS as error:
            self._degraded("set", error)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except CACHE_ERRORS as error:
            self._degraded("add", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except CACHE_ERRORS as error:
            self._degraded("delete", error)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except CACHE_ERRORS as error:
            self._degraded("touch", error)
            return False

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except CACHE_ERRORS as error:
            self._degraded("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except CACHE_ERRORS as error:
            self._degraded("incr", error)
            return delta  # as if the count had just started

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except CACHE_ERRORS as error:
            self._degraded("get_many", error)
            return {}

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except CACHE_ERRORS as error:
            self._degraded("set_many", error)
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except CACHE_ERRORS as error:
            self._degraded("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except CACHE_ERRORS as error:
            self._degraded("clear", error)


class DegradingFileBasedCache(DegradingCacheMixin, FileBasedCache):
    """The cache on disk (CACHE_DIR); an unwritable or vanished directory is a miss."""


class DegradingRedisCache(DegradingCacheMixin, RedisCache):
    """Django's Redis cache (REDIS_URL); a Redis server that is down or slow is a miss.

    ``clear()`` deletes only this site's keys (those under its KEY_PREFIX), never the whole Redis
    database, which other sites or tests may share."""

    def clear(self):
        try:
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
        except CACHE_ERRORS as error:
            self._degraded("clear", error)


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
