"""What every part of the benchmark shares: settings from the environment, the bench database,
the gunicorn server it starts and timed requests to it (127.0.0.1 only)."""

import json
import os
import statistics
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

BASE = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("BENCH_PORT", "18765"))
DATASETTE_PORT = PORT + 1
N = int(os.environ.get("BENCH_N", "20"))
RUNS = int(os.environ.get("BENCH_RUNS", "1"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
LOAD_THREADS = int(os.environ.get("BENCH_LOAD_THREADS", "8"))
SEED = os.environ.get("BENCH_SEED", "1")
# BENCH_SCALE=3: the page table also runs on a database with 3x every generate_data size (its own
# database, named after the 1x one, see scaled_url()) and prints the growth factor per page.
SCALE = int(os.environ.get("BENCH_SCALE", "1"))
# BENCH_ONLY=pages: the page table alone (no comparisons, no load test).
ONLY = os.environ.get("BENCH_ONLY", "")
# Smaller data for a quick smoke run, e.g. "--organisations 2000 --visits 500"; default: full size.
SIZES = os.environ.get("BENCH_GENERATE_ARGS", "").split()
SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdef"
# The bench's files (the server's log and cache, the SQLite export, the generated-data markers):
# BENCH_DIR, default .venv/ (which checkouts that share one venv share too).
STATE = Path(os.environ.get("BENCH_DIR") or BASE / ".venv")
SQLITE = STATE / "bench.sqlite3"
BENCH_CACHE = STATE / "bench-cache"
LOG = STATE / "bench-gunicorn.log"


def bench_database_url() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    sys.path.insert(0, str(BASE))
    from config.embedded_db import database_url

    parts = urlsplit(database_url(BASE))  # starts the embedded server if needed
    return urlunsplit(parts._replace(path="/ckb_bench"))


def scaled_url(url: str, scale: int) -> str:
    """The database for ``scale`` times the data: ``ckb_bench`` -> ``ckb_bench_3x``, and a name
    ending in ``_1x`` gets the scale instead (``ckb_scale_1x`` -> ``ckb_scale_3x``)."""
    if scale == 1:
        return url
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    name = name[:-3] if name.endswith("_1x") else name
    return urlunsplit(parts._replace(path=f"/{name}_{scale}x"))


def generated_marker(url: str) -> Path:
    STATE.mkdir(parents=True, exist_ok=True)
    return STATE / f".bench-generated-{urlsplit(url).path.lstrip('/')}.json"


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        name = parts.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=BASE, env=env, check=True)


def prepare(env: dict, scale: int = 1) -> None:
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "0")
    # The production manifest storage serves hashed names: collect as production does.
    manage({**env, "DJANGO_ENV": "production", "ALLOWED_HOSTS": "127.0.0.1"}, "collectstatic", "--noinput", "-v", "0")
    wanted = {"seed": SEED, "sizes": SIZES, "scale": scale, "url": env["DATABASE_URL"]}
    marker = generated_marker(env["DATABASE_URL"])
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        print(f"Synthetic data at {scale}x: already generated with this seed (cached); skipping.")
        vacuum(env["DATABASE_URL"])
        return
    started = time.perf_counter()
    # --if-missing: a database copied from one generated at these sizes is kept as it is.
    manage(env, "generate_data", "--seed", SEED, "--scale", str(scale), "--if-missing", "--replace", *SIZES)
    print(f"generate_data {' '.join(SIZES) or 'at the default size'} x{scale}: {time.perf_counter() - started:.0f} s")
    vacuum(env["DATABASE_URL"])
    marker.write_text(json.dumps(wanted))


def vacuum(url: str) -> None:
    """``VACUUM (ANALYZE)`` the bench database. A migration that rewrites a table on cached data
    (visits 0008_took_part rewrote all 100,000 organisations) leaves every row
    dead once and the statistics stale, and the bench's PostgreSQL may run without autovacuum.
    Unvacuumed, the index-only scans read the table after all (the similar-organisations query
    of the organisation page: 100,055 heap fetches, 470 ms; vacuumed, 0 and 300 ms), and the
    comparison with a freshly generated database measures the dead rows, not the code."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_for(port: int, path: str = "/", timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


def timed_get(conn: HTTPConnection, path: str, headers=None) -> tuple[float, int]:
    started = time.perf_counter()
    conn.request("GET", quote(path, safe="/?&=+%:"), headers=headers or {})
    response = conn.getresponse()
    response.read()
    return (time.perf_counter() - started) * 1000, response.status


# Any cookie but the language and CSRF ones bypasses the anonymous page cache (core/cache.py):
# the page timings and comparisons measure rendering; the load test runs both ways.
UNCACHED = {"Cookie": "bench-uncached=1"}


def timings(port: int, path: str, n: int = N, headers=None, before=None) -> dict:
    """Median and p95 (ms) of ``n`` sequential requests on one keep-alive connection, after one
    warm-up; with BENCH_RUNS > 1, the median of each run's median and p95, and the spread of the
    run medians (``low``, ``high``). The page cache is bypassed unless ``headers`` say otherwise;
    ``before()``, if given, runs before each request, untimed (``DataVersion.bump``)."""
    headers = UNCACHED if headers is None else headers
    medians, p95s, status = [], [], 0
    for _ in range(RUNS):
        conn = HTTPConnection("127.0.0.1", port, timeout=60)
        timed_get(conn, path, headers)
        samples = []
        for _ in range(n):
            if before:
                before()
            ms, status = timed_get(conn, path, headers)
            samples.append(ms)
        conn.close()
        samples.sort()
        medians.append(statistics.median(samples))
        p95s.append(samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)])
    return {
        "median": statistics.median(medians),
        "p95": statistics.median(p95s),
        "low": min(medians),
        "high": max(medians),
        "status": status,
    }


class DataVersion:
    """Invalidates every data cache of the site (search results, facet counts, lexicon, pages)
    the way any write does: one row appended to the data version log (core/cache.py)."""

    def __init__(self, url: str):
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)

    def bump(self) -> None:
        self.conn.execute("INSERT INTO core_data_version DEFAULT VALUES")

    def close(self) -> None:
        self.conn.close()


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews every figure."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def setup_django(url: str) -> None:
    os.environ.update(DATABASE_URL=url, SECRET_KEY=SECRET_KEY, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="0")
    os.environ.pop("DJANGO_ENV", None)
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
