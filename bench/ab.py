"""Before and after: the page timings of two checkouts, measured side by side in one run.

    python -m bench.ab OTHER_CHECKOUT OTHER_DATABASE_URL [THIS_DATABASE_URL]

Each checkout is served by its own gunicorn in production mode (as ``make bench`` serves it),
against its own bench database, which ``make bench`` (``BENCH_DATABASE_URL``) has prepared in
that checkout: migrations, demo data and the synthetic data of the same seed. Every page is then
requested from one server and the other in turn, round after round, so that a busy spell of a
shared machine falls on both alike. Prints per page the median and the spread (25th to 75th
percentile) of each, and the ratio of the medians (this checkout over the other). Asserts
nothing. Knobs: ``BENCH_N`` rounds (20), ``BENCH_PORT`` (this checkout; the other gets +1).
"""

import os
import shutil
import statistics
import subprocess
import sys
from http.client import HTTPConnection
from pathlib import Path

from bench.common import BASE, PORT, SECRET_KEY, UNCACHED, N, load_average, setup_django, timed_get, wait_for


def serve(checkout: Path, url: str, port: int, log) -> subprocess.Popen:
    cache = checkout / ".venv" / f"bench-ab-cache-{port}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET_KEY,
        "DJANGO_ENV": "production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        "CACHE_DIR": str(cache),
    }
    gunicorn = checkout / ".venv" / "bin" / "gunicorn"
    command = [str(gunicorn), "--config", "config/gunicorn.conf.py"]
    return subprocess.Popen(command, cwd=checkout, env=env, stdout=log, stderr=log)


def spread(samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=4)
    return f"{statistics.median(samples):7.1f} ({q[0]:.0f}-{q[2]:.0f})"


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    other, other_url = Path(sys.argv[1]).resolve(), sys.argv[2]
    this_url = sys.argv[3] if len(sys.argv) > 3 else os.environ["BENCH_DATABASE_URL"]
    setup_django(this_url)
    import django

    django.setup()
    from bench.run import pages

    urls = pages()
    ports = {"this": PORT, "other": PORT + 1}
    with open(BASE / ".venv" / "bench-ab.log", "w") as log:
        servers = [serve(BASE, this_url, ports["this"], log), serve(other, other_url, ports["other"], log)]
        try:
            for port in ports.values():
                wait_for(port)
            print(f"this: {BASE} (git {git_head(BASE)}), other: {other} (git {git_head(other)})")
            print(f"{N} alternated rounds a page after a warm-up; load average {load_average()} at the start")
            print(f"{'page':<24} {'other: median (p25-p75)':>24} {'this: median (p25-p75)':>24} {'ratio':>6}")
            for name, path in urls.items():
                conns = {side: HTTPConnection("127.0.0.1", port, timeout=60) for side, port in ports.items()}
                samples = {side: [] for side in ports}
                statuses = set()
                for conn in conns.values():
                    timed_get(conn, path, UNCACHED)
                for _ in range(N):
                    for side, conn in conns.items():
                        ms, status = timed_get(conn, path, UNCACHED)
                        samples[side].append(ms)
                        statuses.add(status)
                ratio = statistics.median(samples["this"]) / statistics.median(samples["other"])
                flag = "" if statuses == {200} else f"  status {sorted(statuses)}"
                print(f"{name:<24} {spread(samples['other']):>24} {spread(samples['this']):>24} {ratio:6.2f}{flag}")
            print(f"load average {load_average()} at the end")
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)


def git_head(checkout: Path) -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=checkout, capture_output=True, text=True)
    return result.stdout.strip() or "?"


if __name__ == "__main__":
    main()
