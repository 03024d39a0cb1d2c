"""Signed-in mixed browsing under load (issue 18 point 4): the load test of ``bench/run.py``
(the same 12-page mix, the same client: wrk when installed) with a real session cookie of a
signed-in reader, beside anonymous readers, against production-mode gunicorn.

    BENCH_DATABASE_URL=postgres://... .venv/bin/python -m bench.signed_in

The database must already hold the bench data (``make bench`` prepares it; this script only runs
``collectstatic`` for the production manifest). Each role's load test runs ``BENCH_RUNS`` times
(at least 3); the script prints the median of the runs and the smallest and largest beside it, and
the machine's load average before and after. The server gets its own cache directory
(``BENCH_SIGNED_IN_CACHE``, emptied first) so that other benchmarks on the machine are left alone;
the first run of each role starts from a cold page cache for that role.

Roles: an anonymous reader, a signed-in reader who may see contacts (member of Readers), one who
may not, and a staff editor (``core.cache.page_role``). Before loading, one request per role
checks that the cookie really signs in (the header's "Sign out" form).
"""

import os
import statistics
import subprocess
import sys
from http.client import HTTPConnection
from pathlib import Path

from bench import run
from bench.common import (
    BASE,
    BIN,
    LOAD_SECONDS,
    LOAD_THREADS,
    PORT,
    RUNS,
    SECRET_KEY,
    bench_database_url,
    load_average,
    setup_django,
    wait_for,
)
from bench.load import load_test

CACHE_DIR = Path(os.environ.get("BENCH_SIGNED_IN_CACHE", "/tmp/ckb-bench-signed-in-cache"))
FIGURES = ("rps", "p50", "p95", "p99")


def session_cookie(username: str, *, reader: bool = False, staff: bool = False) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from core.roles import EDITORS, READERS

    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", "is_staff": staff}
    )
    if reader:
        user.groups.add(Group.objects.get(name=READERS))
    if staff:
        user.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(user)
    return {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}


def signed_in(path: str, headers: dict) -> bool:
    conn = HTTPConnection("127.0.0.1", PORT, timeout=60)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    return response.status == 200 and (b'action="/accounts/logout/"' in body or b'href="/admin/"' in body)


def report(label: str, loads: list[dict]) -> None:
    print(f"\n{label}: {loads[0]['client']}, {LOAD_THREADS} connections, {LOAD_SECONDS} s, {len(loads)} runs")
    for key in FIGURES:
        values = [r[key] for r in loads]
        unit = "req/s" if key == "rps" else "ms"
        each = ", ".join(f"{v:.0f}" for v in values)
        spread = f"min {min(values):.0f}, max {max(values):.0f}; each run {each}"
        print(f"  {key:>4} median {statistics.median(values):7.0f} {unit}  ({spread})")
    print(f"  errors {sum(r['errors'] for r in loads)} (all runs), requests {sum(r['requests'] for r in loads)}")


def main() -> None:
    url = bench_database_url()
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET_KEY}
    env.pop("DJANGO_ENV", None)
    prod = {**env, "DJANGO_ENV": "production", "ALLOWED_HOSTS": "127.0.0.1"}
    subprocess.run([str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=BASE, env=prod)
    setup_django(url)
    import psutil

    urls = run.pages()
    mix = [urls[k] for k in run.MIX]
    roles = {
        "anonymous": {},
        "signed-in reader with contacts": session_cookie("bench-reader", reader=True),
        "signed-in reader without contacts": session_cookie("bench-plain"),
        "signed-in staff editor": session_cookie("bench-editor", staff=True),
    }
    run.BENCH_CACHE = CACHE_DIR  # start_server empties and uses it: not the shared bench cache
    log = open(CACHE_DIR.with_suffix(".log"), "w")  # noqa: SIM115 - the server's life
    server = run.start_server(env, log)
    try:
        wait_for(PORT, "/health/")
        master = psutil.Process(server.pid)

        def worker_pids():
            return [c.pid for c in master.children()]

        for label, headers in roles.items():
            if headers and not signed_in(mix[0], headers):
                sys.exit(f"the cookie of {label!r} does not sign in")
        print(f"Load average at the start: {load_average()}")
        for label, headers in roles.items():
            report(label, [load_test(PORT, mix, worker_pids, headers) for _ in range(max(RUNS, 3))])
        print(f"\nLoad average at the end: {load_average()}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
