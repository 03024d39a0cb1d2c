"""Time `make run` from a fresh clone to the first page served, and again once set up.

    make bench-run-time            # or: python3 bench/make_run_time.py [--runs 5] [--timeline]

Standard library only: it needs no venv, so it runs with the same bare Python 3.11+ and `make`
that a new user has. Each run:

1. `git clone` of this checkout's HEAD (committed work only) into a temporary directory;
2. **fresh**: `make run PORT=<free port>`; the clock stops at the first `GET /` answering 200
   with the demo data in it (a known visit title); the server gets Ctrl-C (SIGINT) and
   `make db-stop` stops the clone's embedded PostgreSQL;
3. **set up, database stopped**: the same again in the same clone (PostgreSQL starts again);
4. **set up, database running**: once more without `make db-stop` in between (the usual case:
   the embedded server keeps running between commands), then `make db-stop`;
5. the temporary directory is removed.

pip's download cache (~/.cache/pip) is used and left as it is, as a user who has installed the
requirements once before would have it. Nothing else is shared with this checkout: each clone
creates its own `.venv/`, `.pgdata/` and `.local/`.

Prints median, min and max per case, the load average before and after, and with --timeline
each run's `make run` output with the second at which each line appeared.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Shown on the home page only when the demo data is loaded (a visit title among the latest).
MARKER = b"ViaMeca"
TIMEOUT = 600
CASES = ("fresh", "set up, database stopped", "set up, database running")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env() -> dict[str, str]:
    """The caller's environment minus what would point the clone at another venv or database."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "DJANGO_ENV", "PYTHONPATH"):
        env.pop(name, None)
    env["PYTHONUNBUFFERED"] = "1"  # output lines reach the timeline when they are printed
    return env


def page_ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200 and MARKER in response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


class MakeRun:
    """`make run` in a clone, its output lines time-stamped from the start."""

    def __init__(self, clone: Path, port: int) -> None:
        self.lines: list[tuple[float, str]] = []
        self.cpu: float | None = None
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            ["make", "run", f"PORT={port}", "HOST=127.0.0.1"],
            cwd=clone,
            env=clean_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: make, manage.py and runserver
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.append((time.perf_counter() - self.start, raw.decode(errors="replace").rstrip()))

    def wait_ready(self, url: str) -> float:
        deadline = self.start + TIMEOUT
        while time.perf_counter() < deadline:
            if page_ready(url):
                return time.perf_counter() - self.start
            if self.proc.poll() is not None:
                raise RuntimeError(f"make run exited with {self.proc.returncode}:\n{self.output()}")
            time.sleep(0.1)
        raise RuntimeError(f"no page after {TIMEOUT} s:\n{self.output()}")

    def stop(self) -> None:
        """Ctrl-C to the whole group, as in a terminal; SIGKILL if it lingers."""
        self.cpu = group_cpu(self.proc.pid)
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.reader.join(5)

    def output(self) -> str:
        return "\n".join(f"{t:7.2f}  {line}" for t, line in self.lines)


def group_cpu(pgid: int) -> float | None:
    """CPU seconds used so far by a process group: its live processes and the children they
    have reaped (make's pip runs, manage.py's psql calls). Not the PostgreSQL server, which runs
    in its own session. Unlike wall time, hardly changed by other load. Linux (/proc) only."""
    total = 0
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:
            total += sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def db_stop(clone: Path) -> None:
    """`make db-stop`, then make sure no postmaster of this clone is left."""
    if (clone / ".venv" / "bin" / "python").exists():
        subprocess.run(["make", "-s", "db-stop"], cwd=clone, env=clean_env(), capture_output=True, timeout=120)
    pidfile = clone / ".pgdata" / "postmaster.pid"
    if pidfile.exists():
        with contextlib.suppress(ValueError, ProcessLookupError, PermissionError):
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGTERM)
            time.sleep(2)


def one_run(number: int, timeline: bool) -> list[tuple[float, float | None]]:
    tmp = Path(tempfile.mkdtemp(prefix="ckb-make-run-"))
    # As root, the embedded PostgreSQL runs as the "pgserver" user, who must reach .pgdata.
    tmp.chmod(0o755)
    clone = tmp / "ckb"
    times = []
    try:
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        for case in CASES:
            port = free_port()
            run = MakeRun(clone, port)
            try:
                seconds = run.wait_ready(f"http://127.0.0.1:{port}/")
            finally:
                run.stop()
                if case != CASES[1]:
                    db_stop(clone)
            times.append((seconds, run.cpu))
            cpu = f" (CPU {run.cpu:.1f} s)" if run.cpu is not None else ""
            print(f"run {number}, {case}: {seconds:.1f} s{cpu}", flush=True)
            if timeline:
                print(run.output(), flush=True)
    finally:
        db_stop(clone)
        shutil.rmtree(tmp, ignore_errors=True)
    return times


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeline", action="store_true", help="print each run's time-stamped make output")
    args = parser.parse_args()

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    print(f"make run timing: {args.runs} runs of commit {head.stdout.strip()}, {os.cpu_count()} CPUs")
    print(f"load average before (1, 5, 15 min): {load_average()}", flush=True)
    results = [one_run(n, args.timeline) for n in range(1, args.runs + 1)]
    print(f"load average after (1, 5, 15 min): {load_average()}")
    print(f"\n{'case':<28} {'median':>8} {'min':>8} {'max':>8} {'CPU median':>11}")
    for i, case in enumerate(CASES):
        column = [r[i][0] for r in results]
        cpus = [r[i][1] for r in results if r[i][1] is not None]
        cpu = f"{statistics.median(cpus):>10.1f}s" if cpus else f"{'-':>11}"
        print(f"{case:<28} {statistics.median(column):>7.1f}s {min(column):>7.1f}s {max(column):>7.1f}s {cpu}")


if __name__ == "__main__":
    sys.exit(main())
