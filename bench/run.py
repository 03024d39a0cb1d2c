"""The benchmark: one command (`make bench`) from a fresh clone. Prints figures; asserts nothing.

Steps: a separate database ``ckb_bench`` (on the embedded server unless BENCH_DATABASE_URL is set),
migrate, demo data, ``generate_data`` at the default size (skipped when already generated with the
same seed and sizes), gunicorn in production mode on 127.0.0.1, then page timings with query
counts, the three-filter list against the Django admin, the raw SQL and Datasette, a load test and
the workers' peak memory. Every request goes to 127.0.0.1.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time

from bench.common import (
    BASE,
    BENCH_CACHE,
    BIN,
    DATASETTE_PORT,
    LOAD_SECONDS,
    LOAD_THREADS,
    LOG,
    ONLY,
    PORT,
    RUNS,
    SCALE,
    SECRET_KEY,
    SQLITE,
    STATE,
    UNCACHED,
    N,
    bench_database_url,
    ensure_database,
    generated_marker,
    load_average,
    port_is_free,
    prepare,
    scaled_url,
    setup_django,
    timings,
    wait_for,
)
from bench.load import load_test
from bench.scale import measure_pages, print_table, use_database


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
        "partners, 2 values": "/partners/?country=FR&country=DE",
        "clusters, 0 filters": "/clusters/",
        "poles, 1 filter": "/poles/?country=FR",
        "visits, 0 filters": "/visits/",
        "visits, 1 filter": "/visits/?kind=workshop",
        "visits, 3 filters": f"/visits/?kind=workshop&language=de&ecosystem={eco}",
        "visits, 2 values": "/visits/?kind=workshop&kind=conference",
        "funding, 0 filters": "/funding/",
        "funding, 3 filters": "/funding/?kind=grant&level=national&country=DE",
        "calls, 1 filter": "/funding/calls/?status=open",
        "calls, 2 values": "/funding/calls/?status=open&status=forthcoming",
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
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts, sql = Client(), {}, []
    for name, url in urls.items():
        cache.clear()  # counted uncached, as timed uncached (and never another scale's entries)
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


MIX = (
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


def start_server(env: dict, log):
    """gunicorn in production mode on 127.0.0.1:PORT with its own emptied cache directory."""
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
    config = ["--config", "config/gunicorn.conf.py"]
    return subprocess.Popen([str(BIN / "gunicorn"), *config], cwd=BASE, env=server_env, stdout=log, stderr=log)


def compare_three_filters(url: str, ours: float, eco, cookie: dict, three_filter_sql: list[str]) -> None:
    admin_path = (
        f"/admin/clusters/organisation/?country__exact=FR&kind__exact=cluster&ecosystems__id__exact={eco.pk}&_facets=1"
    )
    admin = timings(PORT, admin_path, headers=cookie)
    raw = raw_sql_ms(url, three_filter_sql)
    print("\nThree-filter partner list (country=FR, kind=cluster, first ecosystem) with facet counts:")
    print(f"  ours {ours:.1f} ms; admin changelist with _facets=1 {admin['median']:.1f} ms ({admin['status']})")
    print(f"  raw SQL of our page ({len(three_filter_sql)} statements, psycopg) {raw:.1f} ms")
    print(f"  ours/admin {ours / admin['median']:.2f}; ours/raw SQL {ours / raw:.2f}")


def compare_datasette(url: str, ours: dict, eco, log):
    """The same three-filter list, and a full-text search, in Datasette over a SQLite export of
    the 1x database; ``ours``: our uncached figures by page name. Returns Datasette's process."""
    if not shutil.which("datasette", path=str(BIN)):
        print("  Datasette not installed (pip install -r requirements-bench.txt); comparison skipped.")
        return None
    from bench.export_sqlite import export

    if not SQLITE.exists() or SQLITE.stat().st_mtime < generated_marker(url).stat().st_mtime:
        started = time.perf_counter()
        export(SQLITE, url)
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
    three = ours["partners, 3 filters"]["uncached"]["median"]
    print(f"  Datasette (same filters and facets, JSON) {ds['median']:.1f} ms ({ds['status']})")
    print(f"  ours (uncached)/Datasette {three / ds['median']:.2f}")
    # Full-text search: Datasette's FTS5 over organisation names and acronyms, ranked, first page
    # with the total; ours searches every kind of record (organisations, visits, funding) with
    # typo correction, so it answers a larger question.
    search = timings(DATASETTE_PORT, f"/{SQLITE.stem}/organisation.json?_search=cluster&_size=25&_sort_by_rank=1")
    found = datasette_count(f"/{SQLITE.stem}/organisation.json?_search=cluster&_size=1")
    common = ours["search, common term"]["uncached"]["median"]
    print(f"\nSearch 'cluster': Datasette FTS5 (organisations, JSON) {search['median']:.1f} ms, {found:,} hits")
    print(f"  ours (uncached, every kind of record) {common:.1f} ms; ours/Datasette {common / search['median']:.2f}")
    return datasette


def datasette_count(path: str) -> int:
    """The filtered_table_rows_count Datasette gives for ``path`` (0 when search is off)."""
    import json
    from http.client import HTTPConnection

    conn = HTTPConnection("127.0.0.1", DATASETTE_PORT, timeout=60)
    conn.request("GET", path)
    body = json.loads(conn.getresponse().read())
    conn.close()
    return body.get("filtered_table_rows_count") or 0


def load_tests(mix: list[str], worker_pids) -> None:
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


def serve_and_time(url: str, env: dict, scale: int, log) -> tuple:
    """Query counts in-process, then a server on ``url`` and the page table; returns the results,
    the URLs, the three-filter SQL and the running server."""
    use_database(url)
    urls = pages()
    counts, three_filter_sql = query_counts(urls)
    server = start_server({**env, "DATABASE_URL": url}, log)
    try:
        wait_for(PORT, "/health/", timeout=180)  # a loaded machine starts gunicorn slowly
        if server.poll() is not None:
            sys.exit(f"gunicorn exited; see {LOG}")
        results = measure_pages(PORT, url, urls, counts, scale)
    except BaseException:
        stop(server)
        raise
    return results, urls, three_filter_sql, server


def stop(process) -> None:
    if process:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    url = bench_database_url()
    scales = [1] if SCALE == 1 else [SCALE, 1]  # 1x last: its server stays up for the rest
    env = {**os.environ, "SECRET_KEY": SECRET_KEY}
    env.pop("DJANGO_ENV", None)
    for scale in scales:
        ensure_database(scaled_url(url, scale))
        prepare({**env, "DATABASE_URL": scaled_url(url, scale)}, scale)
    setup_django(url)
    import psutil

    STATE.mkdir(parents=True, exist_ok=True)
    log = open(LOG, "w")  # noqa: SIM115 - open for the server's life
    by_scale, server, datasette = {}, None, None
    try:
        for scale in scales:
            stop(server)
            by_scale[scale], urls, three_filter_sql, server = serve_and_time(scaled_url(url, scale), env, scale, log)
        print_table(by_scale)
        if ONLY == "pages":
            return
        from clusters.models import Ecosystem

        cookie = admin_cookie()
        eco = Ecosystem.objects.order_by("position", "pk").first()
        master = psutil.Process(server.pid)

        def worker_pids():
            return [c.pid for c in master.children()]

        ours = by_scale[1]["partners, 3 filters"]["uncached"]["median"]
        compare_three_filters(url, ours, eco, cookie, three_filter_sql)
        datasette = compare_datasette(url, by_scale[1], eco, log)
        load_tests([urls[k] for k in MIX], worker_pids)
        print(f"\nLoad average at the end: {load_average()}")
    finally:
        stop(server)
        stop(datasette)


if __name__ == "__main__":
    main()
