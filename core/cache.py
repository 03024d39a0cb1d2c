"""Whole-page cache for anonymous readers (``PageCacheMiddleware``).

A GET of an HTML page by a reader without a session (no cookie but the language and CSRF ones)
is served from the cache when the same page was rendered for the same full URL, interface
language, day and data version. The data version is the last committed entry of a log that a
statement-level trigger on every data table appends to on any INSERT, UPDATE, DELETE or
TRUNCATE, from any process (``data_version_trigger()`` below; the log table is migration
core/0002_data_version), read in one cheap query per request: a committed write changes every
key at once, so no page is served stale after it.
The day is in the key for the pages that show what is open or upcoming; entries also expire
after ``PAGE_CACHE_SECONDS`` (300 in production, off elsewhere unless set).

Never cached: signed-in readers or anyone with a session or another cookie, other methods, the
admin, the API, sign-in and staff pages, answers other than 200 HTML, answers that set a cookie,
change the session, vary on other headers or say ``private``/``no-store``. The page's CSRF token
(the language switcher's form) is not stored: it is cut out and a fresh one for this request is
put back on every hit, and Django's CSRF middleware sets its cookie as usual.
"""

import re
from contextvars import ContextVar
from hashlib import sha256

import pgtrigger
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import cc_delim_re

SKIPPED_PREFIXES = ("/health/", "/admin/", "/api/", "/accounts/", "/staff/", "/i18n/", "/static/", "/media/")
ALLOWED_VARY = {"cookie", "accept-language"}
TOKEN_RE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_MARK = b"\x00csrf\x00"


DATA_VERSION_TRIGGER = "data_version"


def data_version_trigger() -> pgtrigger.Trigger:
    """The trigger that bumps the data version: after every INSERT, UPDATE, DELETE or TRUNCATE
    statement on the table, from any process, it appends a row to ``core_data_version``.

    Appending takes no lock another writer waits for (a single counter row would make concurrent
    writers queue until each other's commit), and ids come from a sequence, so a rolled-back
    write never makes an old number current again. Once per statement, not per row.

    It sits in ``Meta.triggers`` of the abstract bases (core.models.TimeStampedModel and
    SluggedModel): a model whose ``Meta`` subclasses theirs gets it, and makemigrations writes
    the operation that installs it (django-pgtrigger). Other tables of the domain apps (a
    default many-to-many link table, a model on ``models.Model``) declare it in their own
    ``Meta.triggers``; tests/core/test_page_cache.py checks that every concrete model of the
    domain apps has it. Third-party tables (auth, admin, content types, tags) keep the trigger
    ``core_data_version_bump`` attached by migration core/0002.
    """
    return pgtrigger.Trigger(
        name=DATA_VERSION_TRIGGER,
        level=pgtrigger.Statement,
        when=pgtrigger.After,
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete | pgtrigger.Truncate,
        func="INSERT INTO core_data_version DEFAULT VALUES; RETURN NULL;",
    )


def data_version() -> int:
    """The current data version (one query)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM core_data_version")
        row = cursor.fetchone()
    return row[0] or 0


_UNREAD = -1
# Inside a request (PageCacheMiddleware): the version read once for it, or _UNREAD; outside: None.
_request_version: ContextVar[int | None] = ContextVar("ckb_request_data_version", default=None)


def current_data_version() -> int:
    """The data version for the request being served, read at most once per request (the page
    cache and the facet and search caches share it); outside a request, read afresh each time.
    Keys that carry it are never stale: any committed write changes it."""
    version = _request_version.get()
    if version is None:
        return data_version()
    if version == _UNREAD:
        version = data_version()
        _request_version.set(version)
    return version


def _eligible(request) -> bool:
    if request.method != "GET" or request.path.startswith(SKIPPED_PREFIXES):
        return False
    return all(name in (settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME) for name in request.COOKIES)


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if any(word in response.get("Cache-Control", "").lower() for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if not vary <= ALLOWED_VARY:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """After the CSRF and authentication middleware (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(_UNREAD)
        try:
            return self._respond(request)
        finally:
            _request_version.reset(token)

    def _respond(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not _eligible(request):
            return self.get_response(request)
        try:
            version = current_data_version()
        except DatabaseError:  # the database is down: the page (or its 503) as without the cache
            return self.get_response(request)
        digest = sha256(request.get_full_path().encode()).hexdigest()
        language = getattr(request, "LANGUAGE_CODE", "")
        key = f"page:{version}:{timezone.localdate().isoformat()}:{language}:{digest}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type, headers = cached
            if TOKEN_MARK in content:
                content = content.replace(TOKEN_MARK, get_token(request).encode())
            response = HttpResponse(content, content_type=content_type)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _storable(request, response):
            content = TOKEN_RE.sub(rb"\1" + TOKEN_MARK + rb"\2", response.content)
            headers = [(k, v) for k, v in response.items() if k.lower() not in ("content-type", "content-length")]
            cache.set(key, (content, response["Content-Type"], headers), seconds)
        return response
