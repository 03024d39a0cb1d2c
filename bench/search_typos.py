"""Global search timings in-process: a common term, a one-letter typo and a transposition,
median of 7 (after one warm-up) with the spread, the result cache off.

Runs against the checkout in the current directory, so the same script times main and a
branch:

    cd /work/main && DATABASE_URL=postgres://…/db .venv/bin/python /path/to/bench/search_typos.py
    cd /work/wt-search && DATABASE_URL=postgres://…/db .venv/bin/python bench/search_typos.py

With a lexicon (globalsearch/lexicon.py), its rebuild is timed too; a stale lexicon is rebuilt
before the timings, so they measure searches, not the rebuild.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402

from globalsearch import search  # noqa: E402

QUERIES = {
    "common term": "cluster",
    "one-letter typo": "Tecktera",
    "transposition": "Tehctera",
}
RUNS = int(os.environ.get("BENCH_SEARCH_RUNS", "7"))


def timed(q: str) -> tuple[float, int]:
    start = time.perf_counter()
    results = search.search(q, AnonymousUser())
    return (time.perf_counter() - start) * 1000, results.total


def main() -> None:
    search.CACHE_MIN_HITS = 10**12  # never cached: time the search itself
    try:
        from globalsearch import lexicon
    except ImportError:
        lexicon = None
    if lexicon is not None:
        start = time.perf_counter()
        words = lexicon.rebuild(search.specs())
        print(f"lexicon rebuild: {words:,} words in {(time.perf_counter() - start) * 1000:,.0f} ms")
    for label, q in QUERIES.items():
        timed(q)
        runs = [timed(q) for _ in range(RUNS)]
        ms = sorted(t for t, _ in runs)
        print(
            f"{label:16} {q!r:12} median {statistics.median(ms):7.1f} ms"
            f" (min {ms[0]:.1f}, max {ms[-1]:.1f}) · {runs[0][1]:,} hits"
        )


if __name__ == "__main__":
    main()
