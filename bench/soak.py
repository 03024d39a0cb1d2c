"""The soak (`make soak`): SOAK_SECONDS (600) of mixed anonymous and signed-in browsing plus an
editor writing through the admin in a loop, against two production gunicorn servers sharing one
PostgreSQL and one Redis, while PostgreSQL is restarted twice and Redis once. Prints: requests,
errors by status, the seconds of errors around each restart, p50/p95/p99 outside the restarts,
writes acknowledged and writes found afterwards in the database. Asserts nothing; the exit status
is 1 when an acknowledged write is missing, an error fell outside the restart windows or a
signed-in user was signed out.

Everything runs on servers of its own in a temporary directory (bench/soak_services.py): the
machine's PostgreSQL and Redis are never restarted. Knobs: SOAK_SECONDS, SOAK_READERS (anonymous
threads, 3), SOAK_SIGNED_IN (signed-in threads, 2), SOAK_PAUSE (seconds between a reader's
requests, 0.05), SOAK_EDITOR_PAUSE (0.3), SOAK_GENERATE_ARGS (e.g. "--organisations 5000",
synthetic data on top of the demo data; default none), SOAK_WINDOW (2: seconds after a restart
within which errors are expected), SOAK_KEEP=1 keeps the temporary directory (server logs).
"""

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

from bench.common import BASE, BIN, load_average
from bench.soak_client import Client, Editor, Record, Recorder, read_form
from bench.soak_services import AppServer, Postgres, Redis, production_env

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
READERS = int(os.environ.get("SOAK_READERS", "3"))
SIGNED_IN = int(os.environ.get("SOAK_SIGNED_IN", "2"))
PAUSE = float(os.environ.get("SOAK_PAUSE", "0.05"))
EDITOR_PAUSE = float(os.environ.get("SOAK_EDITOR_PAUSE", "0.3"))
GENERATE = os.environ.get("SOAK_GENERATE_ARGS", "").split()
WINDOW = float(os.environ.get("SOAK_WINDOW", "2"))
PASSWORD = "soak-only-password-0123456789"
READER_EMAIL = "reader@soak.invalid"

USERS = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
User = get_user_model()
User.objects.create_superuser("soak-editor", "editor@soak.invalid", "{PASSWORD}")
reader = User.objects.create_user("soak-reader", "{READER_EMAIL}", "{PASSWORD}")
EmailAddress.objects.create(user=reader, email="{READER_EMAIL}", verified=True, primary=True)
"""

# The browsing mix, from the demo data in the soak database (first of each kind).
PAGES = """
import json
from clusters.models import Organisation
from funding.models import Call, Instrument
from visits.models import Visit
first = lambda qs: qs.order_by("pk").first().get_absolute_url()
print(json.dumps([
    "/", "/partners/", "/partners/?country=FR", "/clusters/", "/visits/", "/visits/?kind=workshop",
    "/funding/", "/funding/calls/?status=open", "/search/?q=cluster", "/search/?q=automotive",
    "/api/", first(Organisation.objects), first(Organisation.objects.filter(kind="cluster")),
    first(Visit.objects.filter(status="published")), first(Instrument.objects), first(Call.objects),
]))
"""


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", *args], cwd=BASE, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def prepare(env: dict) -> list[str]:
    """Migrate, demo data, optional synthetic data, the static manifest, two users; the pages."""
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "0")
    if GENERATE:
        manage(env, "generate_data", "--seed", "1", *GENERATE)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "shell", "--no-imports", "-c", USERS)
    pages = json.loads(manage(env, "shell", "--no-imports", "-c", PAGES, capture=True).strip().splitlines()[-1])
    print(f"Prepared the soak database in {time.monotonic() - started:.0f} s ({len(pages)} pages in the mix)")
    return pages


def sign_in_reader(client: Client, port: int) -> None:
    status, page, _ = client.request(port, "/accounts/login/", record=False)
    data = read_form(page, "login_form") if status == 200 else {}
    if "csrfmiddlewaretoken" not in data:  # the form without an id: take its token from the page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        data = {"csrfmiddlewaretoken": [token[1]]} if token else {}
    data.update(login=[READER_EMAIL], password=[PASSWORD])
    status, _, _ = client.request(port, "/accounts/login/", data, record=False)
    if status != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"the reader could not sign in ({status})")


def browse(client: Client, pages: list[str], stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    while not stop.is_set():
        client.request(rng.choice(client.ports), rng.choice(pages))
        if PAUSE:
            stop.wait(PAUSE)


def restarts_schedule(postgres: Postgres, redis: Redis) -> list[tuple[float, str, object]]:
    """Offsets (fraction of the run) and what is restarted: PostgreSQL at 1/4 and 1/2, Redis at 3/4."""
    return [
        (0.25, "PostgreSQL", postgres.restart),
        (0.5, "PostgreSQL", postgres.restart),
        (0.75, "Redis", redis.restart),
    ]


def run_load(ports, pages, postgres, redis, run: str):
    recorder, stop = Recorder(), threading.Event()
    editor = Editor(Client(ports, "editor", recorder), "soak-editor", PASSWORD, EDITOR_PAUSE)
    editor.sign_in(ports[0])
    signed = [Client(ports, "signed-in", recorder) for _ in range(SIGNED_IN)]
    for client in signed:  # signed in on one server, browsing both: the session is shared
        sign_in_reader(client, ports[0])
    clients = [Client(ports, "anonymous", recorder) for _ in range(READERS)] + signed
    threads = [threading.Thread(target=browse, args=(c, pages, stop, i)) for i, c in enumerate(clients)]
    threads.append(threading.Thread(target=editor.run, args=(stop, run)))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    events = []
    for fraction, what, restart in restarts_schedule(postgres, redis):
        time.sleep(max(0.0, started + fraction * SECONDS - time.monotonic()))
        begun = time.monotonic()
        restart()
        events.append((what, begun, time.monotonic()))
        print(f"  {begun - started:6.1f} s: {what} restarted ({time.monotonic() - begun:.1f} s down)", flush=True)
    time.sleep(max(0.0, started + SECONDS - time.monotonic()))
    stop.set()
    for thread in threads:
        thread.join()
    # Restarts must sign nobody out (sessions in the database, read through Redis): every signed-in
    # client still reaches a page for signed-in users only, on both servers.
    checks = [(c, "/accounts/profile/") for c in signed] + [(editor.client, "/admin/")]
    signed_in = sum(c.request(port, path, record=False)[0] == 200 for c, path in checks for port in ports)
    print(f"  still signed in after the run: {signed_in} of {len(checks) * len(ports)} (client, server) pairs")
    return (
        recorder.records,
        events,
        editor.writes,
        time.monotonic() - started,
        started,
        len(checks) * len(ports) - signed_in,
    )


def verify(url: str, writes) -> tuple[int, list[str]]:
    """Writes found afterwards, and every acknowledged write that is not there (lost)."""
    lost = []
    with psycopg.connect(url) as conn:
        rows = dict(conn.execute("SELECT name, id FROM clusters_organisation WHERE name LIKE 'Soak %'").fetchall())
        found = sum(rows.get(name) == pk for name, pk in writes.created.items())
        lost += [f"created {name} (id {pk})" for name, pk in writes.created.items() if rows.get(name) != pk]
        for pk, posts in writes.updates.items():
            acknowledged = [i for i, (_, ok) in enumerate(posts) if ok]
            if not acknowledged:
                continue
            # The last acknowledged text, or a later one posted whose answer was lost in a restart.
            allowed = {text for text, _ in posts[acknowledged[-1] :]}
            row = conn.execute("SELECT description FROM clusters_organisation WHERE id = %s", [pk]).fetchone()
            if row and row[0] in allowed:
                found += len(acknowledged)
            else:
                lost.append(f"update of id {pk}: {row[0] if row else 'record gone'!r} not in {sorted(allowed)}")
    return found, lost


def percentile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, max(0, round(q * len(values)) - 1))] if values else float("nan")


def near(record: Record, event: tuple, window: float = WINDOW) -> bool:
    """Whether the request overlaps [restart begun, restart over + window]."""
    return record.started <= event[2] + window and record.ended >= event[1]


def restart_errors(records: list[Record], events: list[tuple], window: float = WINDOW) -> tuple[list, list]:
    """Per restart (what, begun, over, its errors), and the errors near no restart. An error is
    a 5xx or no answer."""
    errors = [r for r in records if r.status == 0 or r.status >= 500]
    around = [
        (what, begun, over, [r for r in errors if near(r, (what, begun, over), window)]) for what, begun, over in events
    ]
    return around, [r for r in errors if not any(near(r, e, window) for e in events)]


def latencies(records: list[Record], events: list[tuple], role: str | None = None) -> list[float]:
    """Durations (ms, sorted) of the requests of ``role`` (all: None) outside every restart window."""
    return sorted(
        (r.ended - r.started) * 1000
        for r in records
        if (role is None or r.role == role) and not any(near(r, e) for e in events)
    )


def slowest_pages(records, events, count: int = 5) -> None:
    """The pages with the highest p95 outside the restarts: where the time goes."""
    by_page: dict[str, list[float]] = {}
    for r in records:
        if not any(near(r, e) for e in events):
            by_page.setdefault(f"{r.role} {r.path}", []).append((r.ended - r.started) * 1000)
    rows = sorted(((percentile(sorted(ms), 0.95), page, sorted(ms)) for page, ms in by_page.items()), reverse=True)
    print(f"Slowest pages outside the restarts (p95), of {len(rows)}:")
    for p95, page, ms in rows[:count]:
        print(f"  {page}: p50 {percentile(ms, 0.5):.0f} ms, p95 {p95:.0f} ms, {len(ms)} requests")


def report(records, events, writes, found, lost, elapsed, started) -> bool:
    statuses: dict[str, int] = {}
    for r in records:
        statuses[str(r.status or "no answer")] = statuses.get(str(r.status or "no answer"), 0) + 1
    print(f"\nSoak: {elapsed:.0f} s, load average {load_average()} at the end ({os.cpu_count()} CPUs)")
    roles = ", ".join(f"{role} {sum(r.role == role for r in records)}" for role in ("anonymous", "signed-in", "editor"))
    print(f"Requests: {len(records)} ({len(records) / elapsed:.1f}/s; {roles})")
    print(f"By status: {', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))}")
    around, outside = restart_errors(records, events)
    print(f"Errors (5xx or no answer): {sum(len(errors) for *_, errors in around) + len(outside)}")
    for what, begun, over, errors in around:
        line = f"  {what} restart at {begun - started:.0f} s, {over - begun:.1f} s until back: {len(errors)} errors"
        if errors:
            first, last = min(r.ended for r in errors) - begun, max(r.ended for r in errors) - begun
            back = last - (over - begun)
            line += f", first answered {first:+.2f} s, last {last:+.2f} s after it began ({back:+.2f} s after back)"
        print(line)
    print(f"Errors outside the restarts (+{WINDOW:g} s): {len(outside)}")
    for r in outside[:20]:
        print(f"  {r.started - started:7.2f} s {r.role} status {r.status or 'no answer'}")
    for role in (None, "anonymous", "signed-in", "editor"):
        ms = latencies(records, events, role)
        print(
            f"Latency outside the restarts, {role or 'all'}: p50 {percentile(ms, 0.5):.0f} ms,"
            f" p95 {percentile(ms, 0.95):.0f} ms, p99 {percentile(ms, 0.99):.0f} ms ({len(ms)} requests)"
        )
    slowest_pages(records, events)
    print(
        f"Writes: {writes.attempts} posted, {writes.acknowledged} acknowledged (redirect after save),"
        f" {writes.form_errors} rejected with the form shown again, {found} found afterwards, {len(lost)} lost"
    )
    for text in writes.rejections:
        print(f"  rejected: {text}")
    for line in lost[:20]:
        print(f"  lost: {line}")
    return not lost and not outside


def main() -> None:
    run = time.strftime("%H%M%S")
    # Stopped with SIGTERM (or SIGINT, which a shell's background job ignores): clean up all the same.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("soak stopped"))
    directory = Path(tempfile.mkdtemp(prefix="ckb-soak-"))
    directory.chmod(0o755)  # PostgreSQL runs as its own user when we are root
    print(f"Soak {SECONDS} s in {directory}; load average {load_average()} at the start ({os.cpu_count()} CPUs)")
    postgres, redis, servers = Postgres(directory), Redis(directory), []
    ok = False
    try:
        postgres.start()
        with psycopg.connect(postgres.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE ckb_soak")
        redis.start()
        env = production_env(postgres.url("ckb_soak"), redis.url, directory / "media")
        pages = prepare(env)
        servers = [AppServer(env, directory / f"gunicorn-{i}.log") for i in range(2)]
        for server in servers:
            server.wait()
        ports = [s.port for s in servers]
        print(f"PostgreSQL :{postgres.port}, Redis :{redis.port}, gunicorn :{ports[0]} and :{ports[1]}", flush=True)
        records, events, writes, elapsed, started, signed_out = run_load(ports, pages, postgres, redis, run)
        found, lost = verify(postgres.url("ckb_soak"), writes)
        ok = report(records, events, writes, found, lost, elapsed, started) and not signed_out
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        with contextlib.suppress(subprocess.CalledProcessError):
            postgres.stop()
        if os.environ.get("SOAK_KEEP"):
            print(f"Kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    if not ok:
        print("\nSOAK FAILED: an acknowledged write lost, an error outside the restarts or a user signed out")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
