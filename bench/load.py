"""The load test: wrk with a Lua script when installed, else Python threads; every request to
127.0.0.1, bounded in time; the workers' peak memory sampled meanwhile."""

import contextlib
import json
import os
import shutil
import subprocess
import threading
import time
from http.client import HTTPConnection
from urllib.parse import quote

from bench.common import (
    LOAD_SECONDS,
    LOAD_THREADS,
    timed_get,
)


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
