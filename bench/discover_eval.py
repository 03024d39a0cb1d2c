"""Offline evaluation and timing of "Who to meet" (discovery/suggest.py). Prints figures,
asserts nothing.

Evaluation (default): on the demo data (``manage.py load_demo``), every real cooperation link,
a pair of organisations that took part in the same published visit or project, is hidden one at
a time (``suggest(..., hide=...)``: every visit and project the two shared is taken out of the
graph, so neither is an existing partner of the other nor reached through those events) and the
rank of the hidden partner in each side's full ranking is printed, then hit@5 and the median rank.

    DATABASE_URL=postgres://.../ckb_discover .venv/bin/python -m bench.discover_eval

Timing (``--timing``): on a database with the synthetic data (100,000 organisations,
``generate_data --seed 1``), the queries of one suggestion call (the same for every
organisation) and its uncached time over ``BENCH_N`` (default 25) organisations chosen with a
fixed seed among clusters, poles and networks: median, quartiles, min and max.

    DATABASE_URL=postgres://.../ckb_discover_bench .venv/bin/python -m bench.discover_eval --timing
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
LIMIT = 10_000  # the full ranking, for the evaluation


def setup() -> None:
    sys.path.insert(0, str(BASE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def links() -> list[tuple[int, int]]:
    """Every pair of organisations that shared a published visit or a project, once."""
    from clusters.models import Organisation
    from discovery.graph import events_of

    pairs = set()
    for event in events_of(Organisation.objects.values_list("pk", flat=True)).values():
        members = sorted(event.organisations)
        pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return sorted(pairs)


def rank_of(org, other_pk: int) -> int | None:
    from discovery.suggest import suggest

    ranking = [s.organisation.pk for s in suggest(org, limit=LIMIT, hide=other_pk)]
    return ranking.index(other_pk) + 1 if other_pk in ranking else None


def evaluate() -> None:
    from clusters.models import Organisation

    organisations = {o.pk: o for o in Organisation.objects.all()}
    pairs = links()
    print(f"{len(organisations)} organisations, {len(pairs)} cooperation links (pairs sharing a visit or project)")
    print(f"{'organisation':40} {'hidden partner':40} rank  (of {len(organisations) - 1})")
    ranks: list[int | None] = []
    for a, b in pairs:
        for org, other in ((a, b), (b, a)):
            rank = rank_of(organisations[org], other)
            ranks.append(rank)
            shown = rank if rank is not None else "not ranked"
            print(f"{organisations[org].name[:40]:40} {organisations[other].name[:40]:40} {shown}")
    ranked = [r for r in ranks if r is not None]
    unranked = len(ranks) - len(ranked)
    hits = sum(1 for r in ranked if r <= 5)
    # An unranked partner (no reason at all) counts as ranked after every organisation.
    worst = len(organisations)
    median = statistics.median([r if r is not None else worst for r in ranks]) if ranks else None
    print(f"\nlinks hidden: {len(pairs)}, rankings: {len(ranks)} (each side of each link)")
    print(f"hit@5: {hits}/{len(ranks)} = {hits / len(ranks):.0%}" if ranks else "hit@5: no link")
    print(f"hit@10: {sum(1 for r in ranked if r <= 10) / len(ranks):.0%}" if ranks else "")
    print(f"median rank: {median} (unranked, counted as {worst}: {unranked})")
    baseline = (len(organisations) - 1) / 2
    print(
        f"a random order would give a median rank of about {baseline:.0f} and hit@5 {5 / (len(organisations) - 1):.0%}"
    )


def timing() -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from clusters.models import Organisation
    from discovery.suggest import suggest

    n = int(os.environ.get("BENCH_N", "25"))
    ids = list(Organisation.objects.clusters().order_by("pk").values_list("pk", flat=True))
    chosen = random.Random(1).sample(ids, min(n, len(ids)))
    organisations = list(Organisation.objects.filter(pk__in=chosen))
    print(f"{Organisation.objects.count():,} organisations; {len(organisations)} clusters, poles and networks timed")
    suggest(organisations[0], limit=5)  # warm-up: connection, compiled SQL
    times, counts = [], set()
    for org in organisations:
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            found = suggest(org, limit=5)
            times.append((time.perf_counter() - started) * 1000)
        counts.add(len(queries))
        print(f"  {org.name[:50]:50} {times[-1]:7.1f} ms  {len(queries)} queries  {len(found)} suggestions")
    q1, q2, q3 = statistics.quantiles(times, n=4)
    print(f"\nqueries per call: {sorted(counts)} (constant: {len(counts) == 1})")
    print(
        f"uncached time per call: median {q2:.1f} ms (quartiles {q1:.1f}-{q3:.1f}, "
        f"min {min(times):.1f}, max {max(times):.1f}) over {len(times)} organisations"
    )


if __name__ == "__main__":
    setup()
    timing() if "--timing" in sys.argv else evaluate()
