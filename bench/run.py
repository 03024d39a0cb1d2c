"""The benchmark: one command (`make bench`) from a fresh clone. Prints figures; asserts nothing.

Steps: a separate database ``ckb_bench`` (on the embedded server unless BENCH_DATABASE_URL is set),
migrate, demo data, ``generate_data`` at the default size (skipped when already generated with the
same seed and sizes), gunicorn in production mode on 127.0.0.1, then page timings with query
counts, the three-filter list against the Django admin, the raw SQL and Datasette, a load test and
the workers' peak memory. Every request goes to 127.0.0.1.
"""

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
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
# Smaller data for a quick smoke run, e.g. "--organisations 2000 --visits 500"; default: full size.
SIZES = os.environ.get("BENCH_GENERATE_ARGS", "").split()
SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdef"
CACHE = BASE / ".venv" / ".bench-generated.json"
SQLITE = BASE / ".venv" / "bench.sqlite3"
BENCH_CACHE = BASE / ".venv" / "bench-cache"


def bench_database_url() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    sys.path.insert(0, str(BASE))
    from config.embedded_db import database_url

    parts = urlsplit(database_url(BASE))  # starts the embedded server if needed
    return urlunsplit(parts._replace(path="/ckb_bench"))


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        name = parts.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=BASE, env=env, check=True)


def prepare(env: dict) -> None:
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "0")
    # The production manifest storage serves hashed names: collect as production does.
    manage({**env, "DJANGO_ENV": "production", "ALLOWED_HOSTS": "127.0.0.1"}, "collectstatic", "--noinput", "-v", "0")
    wanted = {"seed": SEED, "sizes": SIZES, "url": env["DATABASE_URL"]}
    if CACHE.exists() and json.loads(CACHE.read_text()) == wanted:
        print("Synthetic data: already generated with this seed (cached); skipping.")
        return
    started = time.perf_counter()
    manage(env, "generate_data", "--seed", SEED, "--replace", *SIZES)
    print(f"generate_data {' '.join(SIZES) or 'at the default size'}: {time.perf_counter() - started:.0f} s")
    CACHE.write_text(json.dumps(wanted))


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


def timings(port: int, path: str, n: int = N, headers=None) -> dict:
    """Median and p95 (ms) of ``n`` sequential requests on one keep-alive connection, after one
    warm-up; with BENCH_RUNS > 1, the median of each run's median and p95. Uncached unless
    ``headers`` say otherwise."""
    headers = UNCACHED if headers is None else headers
    medians, p95s, status = [], [], 0
    for _ in range(RUNS):
        conn = HTTPConnection("127.0.0.1", port, timeout=60)
        timed_get(conn, path, headers)
        samples = []
        for _ in range(n):
            ms, status = timed_get(conn, path, headers)
            samples.append(ms)
        conn.close()
        samples.sort()
        medians.append(statistics.median(samples))
        p95s.append(samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)])
    return {"median": statistics.median(medians), "p95": statistics.median(p95s), "status": status}


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


def pages() -> dict:
    """The URLs to time, by name, built from the data actually in the bench database."""
    from clusters.models import Ecosystem, Organisation
    from demo.synthetic import PREFIX
    from funding.models import Call, Instrument, Project
    from visits.models import Visit

    eco = Ecosystem.objects.order_by("position", "pk").first().slug
    syn = {"slug__startswith": PREFIX}
    org = Organisation.objects.filter(**syn, kind="cluster").order_by("slug").first()
    visit = Visit.objects.filter(**syn, status="published").order_by("slug").first()
    return {
        "partners, 0 filters": "/partners/",
        "partners, 1 filter": "/partners/?country=FR",
        "partners, 3 filters": f"/partners/?country=FR&kind=cluster&ecosystem={eco}",
        "clusters, 0 filters": "/clusters/",
        "poles, 1 filter": "/poles/?country=FR",
        "visits, 0 filters": "/visits/",
        "visits, 1 filter": "/visits/?kind=workshop",
        "visits, 3 filters": f"/visits/?kind=workshop&language=de&ecosystem={eco}",
        "funding, 0 filters": "/funding/",
        "funding, 3 filters": "/funding/?kind=grant&level=national&country=DE",
        "calls, 1 filter": "/funding/calls/?status=open",
        "projects, 0 filters": "/funding/projects/",
        "partners, page 1000": "/partners/?page=1000",
        "visits, page 500": "/visits/?page=500",
        "organisation detail": org.get_absolute_url(),
        "visit detail": visit.get_absolute_url(),
        "instrument detail": Instrument.objects.filter(**syn).order_by("slug").first().get_absolute_url(),
        "call detail": Call.objects.filter(**syn).order_by("slug").first().get_absolute_url(),
        "project detail": Project.objects.filter(**syn).order_by("slug").first().get_absolute_url(),
        "search, rare term": "/search/?q=Eskişehir+Yazılım",
        "search, common term": "/search/?q=cluster",
        "search, typo": "/search/?q=Automobilovy+Lodz",
    }


def query_counts(urls: dict) -> tuple[dict, list[str]]:
    """Queries per page through the test client in-process, against the same database, and the
    SQL of the three-filter partner list."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts, sql = Client(), {}, []
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url, HTTP_HOST="127.0.0.1")
        counts[name] = len(ctx)
        if name == "partners, 3 filters":
            sql = [q["sql"] for q in ctx.captured_queries]
    return counts, sql


def raw_sql_ms(url: str, statements: list[str]) -> float:
    """Median (ms) of running the page's statements back to back with psycopg."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        # Captured statements have their parameters inlined; without parameters psycopg sends
        # them as they are (no placeholder processing), so "%" must stay "%".
        for statement in statements:
            conn.execute(statement).fetchall()
        samples = []
        for _ in range(N):
            started = time.perf_counter()
            for statement in statements:
                conn.execute(statement).fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def admin_cookie() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}


def sample_memory(worker_pids, peak: list, stop: float) -> None:
    """Peak RSS of the workers into ``peak[0]``, sampled every 0.5 s until ``stop``."""
    import psutil

    while time.monotonic() < stop:
        with contextlib.suppress(Exception):  # a worker recycled between listing and reading
            peak[0] = max([peak[0], *(psutil.Process(p).memory_info().rss for p in worker_pids())])
        time.sleep(0.5)


# wrk's Lua hooks: each wrk thread cycles its connections through the mixed profile from its own
# offset; a request cap stops every thread; done() prints the figures as one JSON line.
WRK_SCRIPT = """
local paths = {%(paths)s}
local cap = %(cap)d
local headers = {%(headers)s}
local counter = 0
function setup(thread)
  thread:set("offset", counter * 5)
  counter = counter + 1
end
function init(args)
  i = offset
  sent = 0
  for name, value in pairs(headers) do wrk.headers[name] = value end
end
function request()
  i = i + 1
  sent = sent + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
function response(status, hdrs, body)
  if sent >= cap then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "p99": %%f, ' ..
    '"status_errors": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def load_test_wrk(port: int, urls: list[str], worker_pids, headers=None) -> dict:
    """wrk (C, event loop: the client takes little of the two CPUs it shares with the server):
    2 threads, LOAD_THREADS keep-alive connections, the mixed profile for LOAD_SECONDS and at
    most 100,000 requests."""
    import tempfile

    def lua(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    paths = ", ".join(lua(quote(u, safe="/?&=+%:")) for u in urls)
    hdrs = ", ".join(f"[{lua(k)}] = {lua(v)}" for k, v in (headers or {}).items())
    threads = 2
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"paths": paths, "cap": 100_000 // threads, "headers": hdrs})
    peak = [0]
    sampler = threading.Thread(target=sample_memory, args=(worker_pids, peak, time.monotonic() + LOAD_SECONDS))
    sampler.start()
    try:
        out = subprocess.run(
            [shutil.which("wrk"), f"-t{threads}", f"-c{LOAD_THREADS}", f"-d{LOAD_SECONDS}s", "--timeout", "10s"]
            + ["-s", script.name, f"http://127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            timeout=LOAD_SECONDS + 60,
            check=True,
        ).stdout
    finally:
        sampler.join()
        os.unlink(script.name)
    figures = json.loads(out.strip().splitlines()[-1])
    return {
        "client": "wrk",
        "requests": figures["requests"],
        "rps": figures["requests"] / figures["seconds"],
        "p50": figures["p50"],
        "p95": figures["p95"],
        "p99": figures["p99"],
        "errors": figures["status_errors"] + figures["socket_errors"],
        "peak_worker_rss_mb": peak[0] / 2**20,
    }


def load_test(port: int, urls: list[str], worker_pids, headers=None) -> dict:
    """LOAD_THREADS keep-alive clients cycling through ``urls`` for LOAD_SECONDS (and at most
    100,000 requests); worker RSS sampled every 0.5 s. With wrk installed (``apt-get install
    wrk``) wrk drives the load; otherwise Python threads, which share the CPUs and the GIL and so
    measure a floor."""
    if shutil.which("wrk") and not os.environ.get("BENCH_PYTHON_CLIENT"):
        return load_test_wrk(port, urls, worker_pids, headers)
    stop = time.monotonic() + LOAD_SECONDS
    latencies, errors, lock, peak = [], [0], threading.Lock(), [0]

    def client(offset: int):
        conn, i, mine, bad = HTTPConnection("127.0.0.1", port, timeout=30), offset, [], 0
        while time.monotonic() < stop and len(latencies) + len(mine) < 100_000:
            try:
                ms, status = timed_get(conn, urls[i % len(urls)], headers)
                mine.append(ms)
                bad += status >= 400
            except OSError:
                bad += 1
                conn = HTTPConnection("127.0.0.1", port, timeout=30)
            i += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(k * 7,)) for k in range(LOAD_THREADS)]
    threads.append(threading.Thread(target=sample_memory, args=(worker_pids, peak, stop)))
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    return {
        "client": f"{LOAD_THREADS} Python threads",
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "errors": errors[0],
        "peak_worker_rss_mb": peak[0] / 2**20,
    }


def main() -> None:
    url = bench_database_url()
    ensure_database(url)
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET_KEY}
    env.pop("DJANGO_ENV", None)
    prepare(env)
    setup_django(url)
    import psutil

    urls = pages()
    counts, three_filter_sql = query_counts(urls)
    cookie = admin_cookie()
    from clusters.models import Ecosystem

    eco = Ecosystem.objects.order_by("position", "pk").first()

    server_env = {
        **env,
        "DJANGO_ENV": "production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        # Production's shared cache on disk, emptied first: every run starts cold.
        "CACHE_DIR": str(BENCH_CACHE),
    }
    shutil.rmtree(BENCH_CACHE, ignore_errors=True)
    for port in (PORT, DATASETTE_PORT):
        if not port_is_free(port):
            sys.exit(f"Port {port} on 127.0.0.1 is taken by another process; set BENCH_PORT.")
    log = open(BASE / ".venv" / "bench-gunicorn.log", "w")  # noqa: SIM115 - open for the server's life
    config = ["--config", "config/gunicorn.conf.py"] if (BASE / "config" / "gunicorn.conf.py").exists() else []
    if not config:  # before the production settings landed: the same settings on the command line
        config = ["--bind", f"127.0.0.1:{PORT}", "--workers", "2", "--threads", "4", "-k", "gthread"]
        config += ["--preload", "config.wsgi:application"]
    server = subprocess.Popen([str(BIN / "gunicorn"), *config], cwd=BASE, env=server_env, stdout=log, stderr=log)
    datasette = None
    try:
        wait_for(PORT, "/health/")
        if server.poll() is not None:
            sys.exit("gunicorn exited; see .venv/bench-gunicorn.log")
        master = psutil.Process(server.pid)

        def worker_pids():
            return [c.pid for c in master.children()]

        print(f"\nMachine: {os.cpu_count()} CPUs, load average {load_average()} at the start of the timings")
        print(f"\nPage timings: {N} sequential requests each after a warm-up, {RUNS} run(s); ms on loopback")
        print(f"{'page':<24} {'median':>8} {'p95':>8} {'queries':>8} status")
        results = {}
        for name, path in urls.items():
            results[name] = r = timings(PORT, path)
            print(f"{name:<24} {r['median']:8.1f} {r['p95']:8.1f} {counts[name]:8d} {r['status']}  {path}")

        ours = results["partners, 3 filters"]["median"]
        admin_path = (
            "/admin/clusters/organisation/?country__exact=FR&kind__exact=cluster"
            f"&ecosystems__id__exact={eco.pk}&_facets=1"
        )
        admin = timings(PORT, admin_path, headers=cookie)
        raw = raw_sql_ms(url, three_filter_sql)
        print("\nThree-filter partner list (country=FR, kind=cluster, first ecosystem) with facet counts:")
        print(f"  ours {ours:.1f} ms; admin changelist with _facets=1 {admin['median']:.1f} ms ({admin['status']})")
        print(f"  raw SQL of our page ({len(three_filter_sql)} statements, psycopg) {raw:.1f} ms")
        print(f"  ours/admin {ours / admin['median']:.2f}; ours/raw SQL {ours / raw:.2f}")

        if shutil.which("datasette", path=str(BIN)):
            from bench.export_sqlite import export

            if not SQLITE.exists() or SQLITE.stat().st_mtime < CACHE.stat().st_mtime:
                started = time.perf_counter()
                export(SQLITE)
                print(f"  SQLite export for Datasette: {time.perf_counter() - started:.0f} s")
            datasette = subprocess.Popen(
                [str(BIN / "datasette"), "serve", str(SQLITE), "-h", "127.0.0.1", "-p", str(DATASETTE_PORT)]
                + ["--setting", "facet_time_limit_ms", "5000", "--setting", "sql_time_limit_ms", "5000"],
                stdout=log,
                stderr=log,
            )
            wait_for(DATASETTE_PORT, "/-/versions.json")
            ds_path = (
                f"/{SQLITE.stem}/organisation.json?country=FR&kind=cluster&ecosystems__arraycontains={eco.slug}"
                "&_facet=country&_facet=kind&_facet=region&_facet=size_band&_facet_array=ecosystems&_facet_array=tags"
                "&_size=25&_sort=name"
            )
            ds = timings(DATASETTE_PORT, ds_path)
            print(f"  Datasette (same filters and facets, JSON) {ds['median']:.1f} ms ({ds['status']})")
            print(f"  ours/Datasette {ours / ds['median']:.2f}")
        else:
            print("  Datasette not installed (pip install -r requirements-bench.txt); comparison skipped.")

        mix = [
            urls[k]
            for k in (
                "partners, 0 filters",
                "partners, 1 filter",
                "partners, 3 filters",
                "organisation detail",
                "visits, 0 filters",
                "visit detail",
                "search, common term",
                "funding, 0 filters",
                "call detail",
                "project detail",
                "visits, 1 filter",
                "search, rare term",
            )
        ]
        # Anonymous readers twice: from a cold page cache (each page's first request renders it,
        # under load), then the steady state the site is in between writes; and with the page
        # cache bypassed, as for signed-in readers.
        runs = (
            ("anonymous, page cache cold at the start", None, 1),
            ("anonymous again, page cache warm", None, RUNS),
            ("page cache bypassed (a cookie)", UNCACHED, RUNS),
        )
        for label, headers, repeat in runs:
            loads = [load_test(PORT, mix, worker_pids, headers) for _ in range(repeat)]
            figures = ("requests", "rps", "p50", "p95", "p99")
            load = {key: statistics.median(run[key] for run in loads) for key in figures}
            load["errors"] = sum(run["errors"] for run in loads)
            load["peak_worker_rss_mb"] = max(run["peak_worker_rss_mb"] for run in loads)
            each = f"median of {repeat} runs of " if repeat > 1 else ""
            print(
                f"\nLoad test ({label}): {loads[0]['client']}, {LOAD_THREADS} keep-alive connections, mixed browsing,"
                f" {each}{LOAD_SECONDS} s"
            )
            print(
                f"  {load['requests']:.0f} requests, {load['rps']:.0f} req/s, p50 {load['p50']:.0f} ms, "
                f"p95 {load['p95']:.0f} ms, p99 {load['p99']:.0f} ms, errors {load['errors']} (all runs)"
            )
            if repeat > 1:
                print("  req/s of each run: " + ", ".join(f"{run['rps']:.0f}" for run in loads))
                print("  p99 (ms) of each run: " + ", ".join(f"{run['p99']:.0f}" for run in loads))
            print(f"  peak worker RSS {load['peak_worker_rss_mb']:.0f} MB (largest of the runs)")
        print(f"\nLoad average at the end: {load_average()}")
    finally:
        for process in (server, datasette):
            if process:
                process.terminate()
                process.wait(timeout=30)


if __name__ == "__main__":
    main()
