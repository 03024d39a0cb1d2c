"""While the database cannot be reached, pages answer a 503 "try again shortly" page in the
site's look with Retry-After, not a 500; the embedded server, found stopped, is started again."""

import os
import shutil
import socket
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from config import embedded_db


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nothing listens there


@contextmanager
def database_unreachable(django_db_blocker):
    """The default connection pointed at a closed port for the duration (connecting fails)."""
    saved = dict(connection.settings_dict)
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(unused_port()))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.mark.parametrize(
    "url", ["/", "/partners/", "/visits/", "/funding/calls/", "/search/?q=cluster", "/api/organisations/"]
)
def test_pages_answer_503_with_retry_after_while_the_database_is_down(client, django_db_blocker, url):
    client.raise_request_exception = False
    with database_unreachable(django_db_blocker):
        response = client.get(url)

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    content = response.content.decode()
    assert "Temporarily unavailable" in content
    assert "css/site.css" in content  # the site's look, from static files only
    assert "OperationalError" not in content and "connection" not in content.lower()


@pytest.mark.django_db
def test_other_errors_still_answer_the_500_page(client, settings):
    settings.ROOT_URLCONF = "tests.core.error_urls_503"
    client.raise_request_exception = False
    response = client.get("/deliberately-broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "Retry-After" not in response


@pytest.fixture
def stopped_embedded_server():
    pgserver = pytest.importorskip("pgserver")
    pgdata = Path(tempfile.mkdtemp(prefix="ckb-revive-"))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chmod(pgdata, 0o777)  # the server runs as the "pgserver" user under root
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    assert not embedded_db.postmaster_running(pgdata)
    yield pgdata
    if embedded_db.postmaster_running(pgdata):
        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    del server
    shutil.rmtree(pgdata, ignore_errors=True)


def test_a_stopped_embedded_server_is_started_again_once(client, settings, django_db_blocker, stopped_embedded_server):
    """The 503 handler finds the embedded server's postmaster gone and starts it, once."""
    pgdata = stopped_embedded_server
    settings.EMBEDDED_DATABASE_DIR = pgdata
    client.raise_request_exception = False
    started = time.perf_counter()
    with database_unreachable(django_db_blocker):
        statuses = [client.get("/").status_code for _ in range(3)]  # three failures, one start
    for _ in range(300):
        if embedded_db.postmaster_running(pgdata) and not embedded_db._reviving.locked():
            break
        time.sleep(0.1)
    print(f"embedded server started again {time.perf_counter() - started:.1f} s after the first 503")

    assert statuses == [503, 503, 503]
    assert embedded_db.postmaster_running(pgdata)
    assert embedded_db.revive(pgdata) is None  # running: nothing to do
