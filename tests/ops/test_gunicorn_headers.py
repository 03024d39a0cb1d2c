"""gunicorn as production runs it (config/gunicorn.conf.py): the Server header names no version,
and X-Forwarded-* is trusted only from FORWARDED_ALLOW_IPS (default 127.0.0.1)."""

import os
import re
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[2]
CONFIG = BASE_DIR / "config" / "gunicorn.conf.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers
    except OSError:
        return 0, None


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db
def test_gunicorn_sends_no_version_in_the_server_header():
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),  # the test database, which exists for this session
        "DJANGO_ENV": "development",
        "DEBUG": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "WEB_CONCURRENCY": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", str(CONFIG)],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        status, headers = 0, None
        for _ in range(300):
            status, headers = fetch(f"http://127.0.0.1:{port}/health/")
            if status:
                break
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)

    assert status in (200, 503)
    assert headers["Server"] == "gunicorn"
    assert not re.search(r"\d", headers["Server"])


def test_forwarded_allow_ips_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    assert runpy.run_path(str(CONFIG))["forwarded_allow_ips"] == "127.0.0.1"
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.5,10.0.0.6")
    assert runpy.run_path(str(CONFIG))["forwarded_allow_ips"] == "10.0.0.5,10.0.0.6"
