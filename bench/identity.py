"""How well the identity resolver (clusters.identity) finds the demo organisations from the
ways a text may name them, how often it puts a wrong record first with a linking score, and how
long resolve() takes. Prints figures; asserts nothing.

    DATABASE_URL=postgres://.../ckb_demo .venv/bin/python -m bench.identity
    DATABASE_URL=postgres://.../ckb_bench .venv/bin/python -m bench.identity   # with 100,000 synthetic rows

The database must hold the demo data (``manage.py load_demo``); for the large run, the bench's
database after ``manage.py generate_data`` (bench/common.py ``prepare``). Only the demo
organisations are looked for; synthetic rows (slugs "syn-") are there to be found by mistake.
"""

import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
# Names that must not link to anything on record with a linking score (issue 14's false friends).
STRANGERS = [
    "Ministry of Economy",
    "Eastern Construction",
    "Institute of Innovation and Technology",
    "Regional Development Agency",
    "Chamber of Commerce",
    "Innovation Cluster",
    "Blue Ocean Harbour Logistics",
]


def setup() -> None:
    sys.path.insert(0, str(BASE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def one_slip(name: str) -> str:
    """``name`` with two letters of its longest word swapped (a typing slip)."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5:
        return ""
    i = len(word) // 2
    words[longest] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return " ".join(words)


def variants(organisation) -> list[tuple[str, str, str]]:
    """(kind of variant, mention, country) for one organisation."""
    from clusters.identity.names import has_cyrillic, initials, latin, to_cyrillic

    found = []
    country = organisation.country.code or ""
    for alt in organisation.alternative_names.all():
        found.append(("alternative name", alt.name, ""))
    if organisation.acronym:
        found.append(("acronym", organisation.acronym, ""))
    found += [("initials", a.upper(), "") for a in sorted(initials(organisation.name)) if len(a) >= 3][:1]
    if latin(organisation.name) != " ".join(organisation.name.lower().split()) and not has_cyrillic(organisation.name):
        found.append(("accent-free", latin(organisation.name), ""))
    names = [organisation.name, *(a.name for a in organisation.alternative_names.all())]
    for name in names:
        if has_cyrillic(name):
            found.append(("transliterated", latin(name), ""))
    if country in ("RU", "BY", "UA"):
        found.append(("transliterated", to_cyrillic(organisation.name), ""))
    slip = one_slip(organisation.name)
    if slip:
        found.append(("one slip", slip, ""))
    found.append(("name with country", organisation.name, country))
    return found


def main() -> None:
    setup()
    from django.db import connection

    from clusters.identity import LINK_SCORE, resolve
    from clusters.models import Organisation

    organisations = list(
        Organisation.objects.exclude(slug__startswith="syn-").prefetch_related("alternative_names").order_by("name")
    )
    total = Organisation.objects.count()
    print(f"Database {connection.settings_dict['NAME']}: {total:,} organisations, {len(organisations)} demo ones.")
    hits = defaultdict(lambda: [0, 0, 0])  # kind -> [top-1, top-3, tried]
    false_friends, misses, timings, slowest = [], [], [], []
    for organisation in organisations:
        for kind, mention, country in variants(organisation):
            started = time.perf_counter()
            matches = resolve(mention, country=country, limit=3)
            timings.append(time.perf_counter() - started)
            slowest.append((timings[-1], mention))
            ranked = [m.organisation.pk for m in matches]
            row = hits[kind]
            row[2] += 1
            row[0] += ranked[:1] == [organisation.pk]
            row[1] += organisation.pk in ranked
            if organisation.pk not in ranked:
                misses.append((kind, mention, organisation.name))
            if matches and matches[0].organisation.pk != organisation.pk and matches[0].score >= LINK_SCORE:
                false_friends.append((mention, organisation.name, matches[0].organisation.name, matches[0].score))
    for mention in STRANGERS:
        started = time.perf_counter()
        matches = resolve(mention)
        timings.append(time.perf_counter() - started)
        if matches and matches[0].score >= LINK_SCORE:
            false_friends.append((mention, "(nothing)", matches[0].organisation.name, matches[0].score))

    print(f"\n{'variant':<20} {'tried':>6} {'top-1':>7} {'top-3':>7}")
    all_rows = [0, 0, 0]
    for kind, (top1, top3, tried) in sorted(hits.items()):
        print(f"{kind:<20} {tried:>6} {top1 / tried:>7.0%} {top3 / tried:>7.0%}")
        all_rows = [a + b for a, b in zip(all_rows, (top1, top3, tried), strict=True)]
    print(f"{'all':<20} {all_rows[2]:>6} {all_rows[0] / all_rows[2]:>7.0%} {all_rows[1] / all_rows[2]:>7.0%}")
    print(f"\nFalse friends (a wrong record first with score >= {LINK_SCORE}): {len(false_friends)}")
    for mention, meant, got, score in false_friends:
        print(f"  {mention!r} (meant {meant}) -> {got} {score:.2f}")
    print(f"\nMissed (not in the top 3): {len(misses)}")
    for kind, mention, meant in misses[:25]:
        print(f"  [{kind}] {mention!r} -> {meant}")
    ms = sorted(t * 1000 for t in timings)
    quartiles = statistics.quantiles(ms, n=10)
    print(
        f"\nresolve(): {len(ms)} calls, median {statistics.median(ms):.1f} ms, "
        f"p10 {quartiles[0]:.1f} ms, p90 {quartiles[-1]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    print("Slowest: " + "; ".join(f"{m!r} {t * 1000:.0f} ms" for t, m in sorted(slowest, reverse=True)[:6]))


if __name__ == "__main__":
    main()
