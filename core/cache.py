"""Whole-page cache for anonymous and signed-in readers (``PageCacheMiddleware``).

A GET of an HTML page is served from the cache when the same page was rendered for the same full
URL, interface language, day, data version and *role* (``page_role()``): anonymous, a signed-in
reader who may not see contacts, one who may (``core.roles.can_see_contacts``), staff, superuser.
Everything a page shows depends on these alone, except a few personal parts, which are holes
(core/holes.py: e.g. whether this reader follows the organisation shown): emptied before the page
is stored, filled for each reader on every hit (one small query each). A signed-in hit costs the
session, the user, the role (one query for a reader), the data version and the holes: a handful
of small queries instead of the page's.

The data version is the last committed entry of a log that a statement-level trigger on every data
table appends to on any INSERT, UPDATE, DELETE or TRUNCATE, from any process
(``data_version_trigger()`` below; the log table is migration core/0002_data_version), read in one
cheap query per request: a committed write changes every key at once, so no page is served stale
after it. A change of role (joining Readers, a verified address, becoming staff) is such a write
too: the user, group and e-mail tables carry the trigger. The day is in the key for the pages that
show what is open or upcoming; entries also expire after ``PAGE_CACHE_SECONDS`` (300 in
production, off elsewhere unless set).

Never cached: other methods, the admin, the API, sign-in, account and staff pages, a reader's own
pages (``/me/``: saved searches, follows), a session without a sign-in, a message waiting to be
shown, any cookie but the language, CSRF and session ones, answers other than 200 HTML, answers
that set a cookie, change the session, vary on other headers or say ``private``/``no-store``,
and a page that names the signed-in reader (their e-mail address or user name: a guard against a
personal part that is not a hole). No CSRF token is stored: every one (the language switcher's,
the sign-out form's, a reader's "Save this search" and "Follow") is cut out and this request's is
put back on every hit, and Django's CSRF middleware sets its cookie as usual. Signed-in answers
say ``Cache-Control: private`` and ``Vary: Cookie``: no shared cache downstream keeps them.
"""

import re
from contextvars import ContextVar
from hashlib import sha256

import pgtrigger
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.html import escape

from core import holes
from core.roles import can_see_contacts

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


PERSONAL_PREFIXES = ("/me/", "/alerts/")  # a reader's own saved searches and follows

ANONYMOUS, READER, CONTACTS, STAFF, SUPERUSER = "anonymous", "reader", "contacts", "staff", "superuser"


def role_of(user) -> str:
    """What a page may show ``user`` depends on this alone (besides the URL, language, day and
    data version): signed in or not, contacts (core.roles.can_see_contacts), staff (drafts, staff
    pages and links) and superuser (the search's role key)."""
    if not user.is_authenticated:
        return ANONYMOUS
    if user.is_superuser:
        return SUPERUSER
    if user.is_staff:
        return STAFF
    return CONTACTS if can_see_contacts(user) else READER


def page_role(request, version) -> str | None:
    """The role ``request`` is served under from the page cache, or None when it is not: another
    method, a skipped path, a cookie besides the language, CSRF and session ones, a session
    without a sign-in, a message waiting to be shown, a reader's own pages. ``version()`` gives
    the data version; it is read only for a request that may be served from the cache."""
    if request.method != "GET" or request.path.startswith(SKIPPED_PREFIXES):
        return None
    cookies = set(request.COOKIES) - {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    if not cookies:
        return ANONYMOUS
    if cookies != {settings.SESSION_COOKIE_NAME} or request.path.startswith(PERSONAL_PREFIXES):
        return None
    if request.session.get("_messages") or not request.session.get(SESSION_KEY):
        return None
    return _signed_in_role(request, version())


def _signed_in_role(request, version: int) -> str | None:
    """The role of the session's sign-in, remembered under the data version and the sign-in's
    user, backend and password hash: any change to a user, their groups or addresses changes the
    version, a new password the hash. A hit costs no query; a miss loads the user as Django's
    authentication middleware does (and None if that finds the sign-in no longer valid)."""
    session = request.session
    sign_in = (session.get(SESSION_KEY), session.get(BACKEND_SESSION_KEY), session.get(HASH_SESSION_KEY))
    if sign_in[1] not in settings.AUTHENTICATION_BACKENDS:
        return None
    digest = sha256(repr((*sign_in, settings.SECRET_KEY)).encode()).hexdigest()
    key = f"role:{version}:{digest}"
    role = cache.get(key)
    if role is None:
        if not request.user.is_authenticated:
            return None
        role = role_of(request.user)
        cache.set(key, role, settings.PAGE_CACHE_SECONDS)
    request.page_cache_reader = int(sign_in[0])
    return role


def reader_pk(request) -> int | None:
    """The signed-in reader's id for a hole's filler, without loading the user on a page cache hit
    (the sign-in was checked by ``_signed_in_role``)."""
    return getattr(request, "page_cache_reader", None) or request.user.pk


def _storable(request, response, role: str) -> bool:
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
    return role == (role_of(user) if user is not None else ANONYMOUS)


def _mentions(content: bytes, user) -> bool:
    """Whether the page names the signed-in reader (a guard: such a page is never stored)."""
    names = (getattr(user, "email", ""), user.get_username())
    return any(len(name) >= 5 and (name.encode() in content or escape(name).encode() in content) for name in names)


def _stored(request, response, role: str) -> bytes | None:
    """The page as stored: holes emptied (core.holes), CSRF tokens cut out; None if not storable."""
    if not _storable(request, response, role):
        return None
    content = holes.emptied(response.content)
    if content is None or (role != ANONYMOUS and _mentions(content, request.user)):
        return None
    return TOKEN_RE.sub(rb"\1" + TOKEN_MARK + rb"\2", content)


def _personal(response, role: str):
    """A signed-in reader's page: for the browser only, never a shared cache."""
    if role != ANONYMOUS:
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
    return response


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
        if not seconds:
            return self.get_response(request)
        try:
            role = page_role(request, current_data_version)
            if role is None:
                return self.get_response(request)
            key = self._key(request, current_data_version(), role)
            cached = cache.get(key)
            if cached is not None:
                return _personal(self._hit(request, *cached), role)
        except DatabaseError:  # the database is down: the page (or its 503) as without the cache
            return self.get_response(request)
        response = self.get_response(request)
        content = _stored(request, response, role)
        if content is not None:
            headers = [(k, v) for k, v in response.items() if k.lower() not in ("content-type", "content-length")]
            cache.set(key, (content, response["Content-Type"], headers), seconds)
        return _personal(response, role)

    @staticmethod
    def _key(request, version: int, role: str) -> str:
        digest = sha256(request.get_full_path().encode()).hexdigest()
        language = getattr(request, "LANGUAGE_CODE", "")
        return f"page:{version}:{timezone.localdate().isoformat()}:{language}:{role}:{digest}"

    @staticmethod
    def _hit(request, content: bytes, content_type: str, headers) -> HttpResponse:
        content = holes.filled(content, request)
        if TOKEN_MARK in content:
            content = content.replace(TOKEN_MARK, get_token(request).encode())
        response = HttpResponse(content, content_type=content_type)
        for name, value in headers:
            response[name] = value
        return response
