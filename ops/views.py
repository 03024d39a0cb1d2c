from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from core.cache_backends import round_trip


@never_cache
def health(request):
    """For load balancers and monitoring: the database and the cache, each "ok" or "unavailable";
    200 when both are usable, 503 when either is not. Pages still answer without the cache (it
    degrades to a miss), but a server whose cache fails should be looked at, and taken out of
    rotation if the others are fine. The cache check is a real write and read back."""
    database = _database_ok()
    cache = round_trip(caches["default"])
    body = {
        "status": "ok" if database and cache else "error",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache else "unavailable",
    }
    return JsonResponse(body, status=200 if database and cache else 503)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:  # OperationalError, InterfaceError: server down or connection lost
        # Drop the broken connection now so that the next request opens a fresh one.
        connection.close_if_unusable_or_obsolete()
        return False
    return True
