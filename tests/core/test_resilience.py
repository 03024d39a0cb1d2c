"""The health check, and surviving a database restart: a gunicorn running the app keeps
answering after PostgreSQL restarts, without being restarted itself, and no acknowledged write
is lost. The restarted server is a private embedded PostgreSQL (same binaries as .pgdata's), so
the shared server other processes use is never stopped."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.db import OperationalError

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_health_reports_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_503_when_the_database_is_unavailable(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("ops.views.connection.cursor", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "cache": "ok"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


@pytest.fixture(scope="module")
def private_server():
    pgserver = pytest.importorskip("pgserver")
    # Not under pytest's own temporary folder: pytest (each xdist worker too) sets
    # /tmp/pytest-of-<user> back to 0700, which locks out the "pgserver" user that the server
    # runs as when we are root.
    pgdata = Path(tempfile.mkdtemp(prefix="ckb-resilience-"))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chmod(pgdata, 0o777)
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    server.psql("CREATE DATABASE ckb;")
    url = server.get_uri("ckb")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_ENV": "development", "DEBUG": "0"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=BASE_DIR, env=env, check=True, timeout=300)
    subprocess.run([sys.executable, "manage.py", "load_demo", "-v0"], cwd=BASE_DIR, env=env, check=True, timeout=300)
    yield server, pgdata, url, env
    server.cleanup()
    shutil.rmtree(pgdata, ignore_errors=True)


def pg_ctl(pgdata: Path, *args: str) -> None:
    from pgserver import pg_ctl as run

    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    opts = ["-o", '-h ""', "-o", f"-k {pgdata}"] if "start" in args or "restart" in args else []
    run(["-w", *opts, *args], pgdata=pgdata, user=user, timeout=30)


@pytest.fixture(scope="module")
def app(private_server):
    _, pgdata, url, env = private_server
    port = free_port()
    # Persistent connections (CONN_MAX_AGE) with health checks: what production runs.
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py", "--workers", "1", "--threads", "4"],
        cwd=BASE_DIR,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": "/dev/null"},
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        if get(base + "/health/")[0] == 200:
            break
        time.sleep(0.2)
    yield base, pgdata, url
    process.terminate()
    process.wait(timeout=30)


def test_pages_and_writes_survive_a_database_restart(app):
    base, pgdata, url = app
    results: list[tuple[float, int]] = []
    acknowledged: list[str] = []
    stop = threading.Event()

    def browse():
        pages = ["/", "/partners/", "/visits/", "/funding/", "/search/?q=cluster"]
        i = 0
        while not stop.is_set():
            results.append((time.monotonic(), get(base + pages[i % len(pages)])[0]))
            i += 1
            time.sleep(0.02)

    def write():
        i = 0
        while not stop.is_set():
            name = f"restart-probe-{i}"
            try:
                with psycopg.connect(url, autocommit=True, connect_timeout=2) as conn:
                    conn.execute("INSERT INTO taggit_tag (name, slug) VALUES (%s, %s)", (name, name))
                acknowledged.append(name)  # committed: the server said so
            except psycopg.Error:
                pass
            i += 1
            time.sleep(0.02)

    threads = [threading.Thread(target=browse), threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    pg_ctl(pgdata, "-m", "fast", "stop")
    down_status, down_body = get(base + "/health/")
    pg_ctl(pgdata, "start")
    restarted = time.monotonic()
    time.sleep(2.0)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)

    assert down_status == 503
    assert json.loads(down_body) == {"status": "error", "database": "unavailable", "cache": "ok"}
    assert get(base + "/health/")[0] == 200
    after = [status for moment, status in results if moment > restarted + 0.5]
    assert after and set(after) == {200}, after
    assert any(status == 200 for moment, status in results if moment < restarted)
    with psycopg.connect(url, autocommit=True) as conn:
        stored = {row[0] for row in conn.execute("SELECT name FROM taggit_tag WHERE name LIKE 'restart-probe-%'")}
    assert len(acknowledged) > 20
    assert set(acknowledged) <= stored
