"""Two app servers on one PostgreSQL and one Redis behave as one site (README "Several app
servers"): two gunicorn processes (config/gunicorn.conf.py, one worker each, on different ports)
share a copy of the test database and one Redis. A page cached by the first is served by the
second from Redis; an admin edit through the second changes the page on both at once; five failed
sign-ins on the first lock the account on the second.

The servers need committed data, and the test database's own rows are inside each test's
transaction, so they run on a copy of the test database (CREATE DATABASE ... TEMPLATE: a file copy,
about a second), dropped afterwards. Redis keys are under a prefix of the test's own, deleted
afterwards."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection, connections

from core.cache_backends import DegradingRedisCache

# django_db so that pytest-django sets up the test database; the test itself reads and writes the
# copy only, through the servers and psycopg.
pytestmark = [pytest.mark.redis, pytest.mark.django_db]

BASE_DIR = Path(__file__).resolve().parents[2]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "a-long-scale-out-password"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One client of one server: its own cookies, no redirects followed."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError:  # not listening (yet)
            return 0, ""

    def post_form(self, path: str, fields: dict) -> tuple[int, str]:
        """GET the form for its CSRF token (and cookie), then POST ``fields`` with it."""
        status, page = self.request(path)
        assert status == 200, (path, status, page[:300])
        return self.request(path, {**fields, "csrfmiddlewaretoken": TOKEN.search(page).group(1)})


def _database_url(params: dict, name: str) -> str:
    """A DATABASE_URL for ``name`` on the server of these connection parameters (a host name, or
    the embedded server's socket directory)."""
    user = urllib.parse.quote(params.get("user") or "postgres")
    password = f":{urllib.parse.quote(params['password'])}" if params.get("password") else ""
    host, port = params.get("host") or "127.0.0.1", params.get("port")
    if host.startswith("/"):
        query = urllib.parse.urlencode({"host": host, **({"port": port} if port else {})})
        return f"postgresql://{user}{password}@/{name}?{query}"
    return f"postgresql://{user}{password}@{host}:{port or 5432}/{name}"


@pytest.fixture(scope="module")
def database_copy(django_db_setup, django_db_blocker):
    """A committed copy of the test database (demo data and all), dropped afterwards. Module
    scope: made before the test opens its transaction on the test database, which a template
    must not have."""
    with django_db_blocker.unblock():
        params = connection.get_connection_params()
        source = connection.settings_dict["NAME"]
        connections.close_all()  # a template must have no other session
    admin = {k: params[k] for k in ("host", "port", "user", "password") if params.get(k)}
    name = f"{source}_scaleout_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(**admin, dbname="postgres", autocommit=True) as conn:
        for attempt in range(20):
            try:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
                break
            except psycopg.errors.ObjectInUse:  # a session an earlier test left open (this worker's database)
                assert attempt < 19, "the test database stays in use"
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (source,))
                time.sleep(0.2)
    yield _database_url(params, name)
    with psycopg.connect(**admin, dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def two_servers(database_copy, redis_url):
    prefix = f"ckb-scaleout-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_copy,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "DJANGO_ENV": "development",
        "DEBUG": "0",
        "PAGE_CACHE_SECONDS": "300",
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    env.pop("CACHE_DIR", None)
    with psycopg.connect(database_copy, autocommit=True) as conn:  # faster than manage.py createsuperuser
        conn.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,"
            " is_active, date_joined) VALUES (%s, true, 'boss', '', '', '', true, true, now())",
            (make_password(PASSWORD),),
        )
    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py", "--workers", "1"],
                cwd=BASE_DIR,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    cache = DegradingRedisCache(redis_url, {"KEY_PREFIX": prefix})
    try:
        deadline = time.monotonic() + 40
        for base in bases:
            while Browser(base).request("/health/")[0] != 200:
                assert time.monotonic() < deadline, f"{base} did not start"
                time.sleep(0.2)
        yield bases, cache, database_copy
    finally:
        for process in processes:
            process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        for process in processes:
            process.wait(timeout=30)
        cache.clear()  # this test's prefix only


def _tagged_organisation(database_url: str) -> tuple[str, int, str]:
    """An organisation's slug and one of its tags (id, slug) that no other organisation carries."""
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            """
            SELECT o.slug, t.id, t.slug FROM taggit_taggeditem ti
            JOIN django_content_type ct ON ct.id = ti.content_type_id
              AND ct.app_label = 'clusters' AND ct.model = 'organisation'
            JOIN clusters_organisation o ON o.id = ti.object_id
            JOIN taggit_tag t ON t.id = ti.tag_id
            WHERE (SELECT count(*) FROM taggit_taggeditem x WHERE x.tag_id = t.id) = 1
            ORDER BY o.id LIMIT 1
            """
        ).fetchone()
    assert row, "the demo data has an organisation with a tag of its own"
    return row


def _page_keys(cache) -> list[str]:
    client = cache._cache.get_client()
    return [key.decode() for key in client.scan_iter(match=f"{cache.key_prefix}:*:page:*")]


def test_two_servers_share_the_page_cache_see_a_write_at_once_and_share_the_lockout(two_servers):
    (first, second), cache, database_url = two_servers
    slug, tag_id, tag_slug = _tagged_organisation(database_url)
    page = f"/partners/{slug}/"
    anonymous_first, anonymous_second = Browser(first), Browser(second)

    status, body = anonymous_first.request(page)
    assert status == 200 and f"?tag={tag_slug}" in body
    # The first server stored the page in Redis; mark the stored copy: the second serves it.
    (key,) = _page_keys(cache)
    django_key = key.split(":", 2)[2]  # "<prefix>:<version>:<key>"
    content, content_type, headers = cache.get(django_key)
    cache.set(django_key, (content.replace(b"</body>", b"<!-- stored by the first -->"), content_type, headers), 300)
    status, body = anonymous_second.request(page)
    assert status == 200 and "<!-- stored by the first -->" in body

    # An admin edit through the second server: the tag deleted (sign in, confirm the delete).
    editor = Browser(second)
    status, _ = editor.post_form("/admin/login/?next=/admin/", {"username": "boss", "password": PASSWORD})
    assert status == 302
    status, _ = editor.post_form(f"/admin/taggit/tag/{tag_id}/delete/", {"post": "yes"})
    assert status == 302

    for browser in (anonymous_first, anonymous_second):  # both at once, no waiting
        status, body = browser.request(page)
        assert status == 200
        assert f"?tag={tag_slug}" not in body and "stored by the first" not in body

    # Five failed sign-ins on the first server lock the account on the second, even with the
    # right password (django-axes counting in the shared Redis).
    login = "/admin/login/?next=/admin/"
    statuses = [Browser(first).post_form(login, {"username": "boss", "password": "wrong"})[0] for _ in range(5)]
    assert statuses == [200] * 4 + [429]
    status, body = Browser(second).post_form(login, {"username": "boss", "password": PASSWORD})
    assert status == 429
    assert "Sign-in temporarily locked" in body
