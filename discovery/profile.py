"""The "Who to meet" section of every organisation's profile: its top suggestions
(``discovery.suggest``), cached under the data version (``core.cache``) so that the profile
pays one cache read once they are known; any committed write changes the key."""

import datetime

from django.core.cache import cache
from django.db import DatabaseError

from core.cache import current_data_version
from discovery.suggest import suggest

PROFILE_LIMIT = 5
CACHE_SECONDS = 24 * 3600


def top_suggestions(org, limit: int = PROFILE_LIMIT) -> list:
    """``org``'s ``limit`` best suggestions, from the cache when the data have not changed."""
    year = datetime.date.today().year  # the activity points depend on the year
    try:
        key = f"discover:{current_data_version()}:{year}:{org.pk}:{limit}"
    except DatabaseError:  # no version to key on: computed afresh, as the rest of the page is
        return suggest(org, limit=limit)
    suggestions = cache.get(key)
    if suggestions is None:
        suggestions = suggest(org, limit=limit)
        cache.set(key, suggestions, CACHE_SECONDS)
    return suggestions


def profile_context(org, user) -> dict:
    return {"who_to_meet": top_suggestions(org)}
