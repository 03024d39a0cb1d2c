"""Intake benchmark: each of the five seed documents read against the demo data of the other
four, so that both links to existing records and proposals of new ones are exercised.

    .venv/bin/python bench/intake.py        # BENCH_INTAKE_DATABASE_URL, else ckb_bench_intake on 127.0.0.1

Ground truth is the seed's own demo module (demo/records/*.py): the organisations it writes or
points to are the organisations the document names; those the other four modules also hold are
the ones a proposal should link. Everything happens in one transaction per seed that is rolled
back, so the database is left as migrated. Prints figures, asserts nothing.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
from demo.seeds import seeds_dir  # noqa: E402 (the checkout is on the path only from here)

SEEDS = seeds_dir()
DATABASE_URL = os.environ.get("BENCH_INTAKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ckb_bench_intake")
RUNS = 3
# seed file -> demo module name
SEED_MODULES = {
    "000_6b830b894c678442.txt": "viameca_2013",
    "001_6051fcbbb0105a46.txt": "duesseldorf_2014",
    "002_25e7f86ed453e38d.txt": "clustem_2017",
    "003_1af111342c0d742e.txt": "clusters_cord",
    "004_29c376a10b6bdde3.txt": "tactics_eca",
}
MATCH_RATIO = 90  # rapidfuzz token-set ratio for a new organisation's name to count as found


def setup() -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        name = parts.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(BASE))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def truth_of(module):
    """The organisations (slug -> names) and visits (in order) that ``module`` writes or points to."""
    from clusters.models import Organisation
    from demo.records.base import DemoLoader
    from visits.models import Visit

    class Recording(DemoLoader):
        def __init__(self):
            super().__init__()
            self.referenced: set[str] = set()
            self.visits: list[int] = []

        def get_org(self, slug):
            self.referenced.add(slug)
            return super().get_org(slug)

        def upsert(self, model, lookup, **values):
            obj = super().upsert(model, lookup, **values)
            if model is Visit and obj.pk not in self.visits:
                self.visits.append(obj.pk)
            return obj

    recording = Recording()
    module.load(recording)
    orgs = Organisation.objects.filter(pk__in=recording.touched[Organisation]) | Organisation.objects.filter(
        slug__in=recording.referenced
    )
    names = {
        o.slug: [o.name, o.acronym, *(a.name for a in o.alternative_names.all())]
        for o in orgs.prefetch_related("alternative_names")
    }
    visits = [
        (v.start_date, v.end_date, v.date_precision, v.language)
        for v in sorted(Visit.objects.filter(pk__in=recording.visits), key=lambda v: recording.visits.index(v.pk))
    ]
    return names, visits


def same_name(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    from core.text import fold
    from intake.mentions import is_generic

    a, b = fold(a).strip(), fold(b).strip()
    if not a or not b:
        return False
    if a == b:
        return True
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    own_a = {w for w in words_a if len(w) >= 3 and not is_generic(w)}
    own_b = {w for w in words_b if len(w) >= 3 and not is_generic(w)}
    if (own_a and own_a <= words_b) or (own_b and own_b <= words_a):  # "Polytech Üniversitesi", "Polytech Lyon"
        return True
    return bool(own_a & own_b) and fuzz.token_set_ratio(a, b) >= MATCH_RATIO


def score(proposal, names: dict[str, list[str]], existing: set[str]) -> dict:
    found, correct, false_friends, other = set(), set(), [], []
    for org in proposal.organisations:
        linked = org.candidates[0].slug if org.action == "link" and org.candidates else None
        if linked:
            if linked in names:
                found.add(linked)
                correct.add(linked)
            else:
                false_friends.append(f"{org.mention} -> {linked}")
            continue
        written = [org.name, org.mention, org.acronym]
        matched = [slug for slug, known in names.items() if any(same_name(w, k) for w in written for k in known)]
        found.update(matched)
        if not matched:
            other.append(org.name)
    links = len(correct) + len(false_friends)
    expected_links = set(names) & existing
    return {
        "named": len(names),
        "found": len(found),
        "missed": sorted(set(names) - found),
        "existing": len(expected_links),
        "links": links,
        "correct": len(correct),
        "missed_links": sorted(expected_links - correct),
        "false_friends": false_friends,
        "other": other,
    }


def dates_of(text: str, language, proposal, visits) -> tuple[bool, int, int]:
    """(the event's dates right, full dates of the seed's visits read exactly, full dates)."""
    from intake.propose import date_span
    from intake.text.dates import find_dates

    start, end, precision, _language = visits[0]
    event_right = proposal.start_date is not None and (
        date_span(proposal.start_date, proposal.end_date, proposal.date_precision) == date_span(start, end, precision)
    )
    mentions = {(m.start, m.end) for m in find_dates(text, language).mentions if m.precision == "day"}
    full = [(s, e) for s, e, p, _ in visits if p == "day"]
    exact = sum((s, e) in mentions or (e is None and (s, None) in mentions) for s, e in full)
    return event_right, exact, len(full)


def run_seed(file: str, module_name: str) -> dict:
    from django.db import transaction

    from clusters.models import Ecosystem, Organisation
    from clusters.reference import ensure_ecosystems
    from demo import records
    from demo.records import load_all, shared
    from demo.records.base import DemoLoader
    from intake.propose import propose

    text = (SEEDS / file).read_text(encoding="utf-8")
    module = getattr(records, module_name)
    with transaction.atomic():
        point = transaction.savepoint()
        ensure_ecosystems(Ecosystem)
        shared.load(DemoLoader())
        names, visits = truth_of(module)
        transaction.savepoint_rollback(point)
        load_all([m for m in records.MODULES if m is not module])
        existing = set(Organisation.objects.values_list("slug", flat=True))
        seconds = []
        for _ in range(RUNS):
            began = time.perf_counter()
            proposal = propose(text, source=file)
            seconds.append(time.perf_counter() - began)
        result = score(proposal, names, existing)
        event_right, exact, full = dates_of(text, proposal.language, proposal, visits)
        transaction.set_rollback(True)
    result.update(
        file=file,
        seconds=statistics.median(seconds),
        language=(proposal.language, visits[0][3]),
        event_dates=event_right,
        got_dates=(proposal.start_date, proposal.end_date, proposal.date_precision),
        expected_dates=visits[0][:3],
        full_exact=exact,
        full_dates=full,
    )
    return result


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} %" if b else "  n/a"


def report(results: list[dict], cold: float) -> None:
    print(f"\nIntake benchmark ({RUNS} runs a document, median; first call {cold:.2f} s with model loading)\n")
    head = (
        "document                  named found      links right precision recall  false  other dates  full  lang    s"
    )
    print(head)
    for r in results:
        print(
            f"{r['file'][:24]:24} {r['named']:5} {r['found']:3} {pct(r['found'], r['named'])} {r['links']:5} "
            f"{r['correct']:5} {pct(r['correct'], r['links']):>9} {pct(r['correct'], r['existing']):>7} "
            f"{len(r['false_friends']):5} {len(r['other']):5} {'yes' if r['event_dates'] else 'no':>5} "
            f"{r['full_exact']:2}/{r['full_dates']:<2} {'ok' if r['language'][0] == r['language'][1] else 'NO':>4} "
            f"{r['seconds']:5.2f}"
        )
    t = {k: sum(r[k] for r in results) for k in ("named", "found", "links", "correct", "existing")}
    false_friends = sum(len(r["false_friends"]) for r in results)
    print(
        f"{'total':24} {t['named']:5} {t['found']:3} {pct(t['found'], t['named'])} {t['links']:5} {t['correct']:5} "
        f"{pct(t['correct'], t['links']):>9} {pct(t['correct'], t['existing']):>7} {false_friends:5} "
        f"{sum(len(r['other']) for r in results):5} {sum(r['event_dates'] for r in results):3}/5 "
        f"{sum(r['full_exact'] for r in results):2}/{sum(r['full_dates'] for r in results):<2} "
        f"{sum(r['language'][0] == r['language'][1] for r in results)}/5 "
        f"{max(r['seconds'] for r in results):5.2f} max"
    )
    print("\nColumns: named = organisations of the seed's demo module; found = linked to the right record or proposed")
    print("as new under a matching name; links = proposals linked to a record; right = to one the seed names;")
    print("precision = right / links; recall = right / named organisations already on record; false = wrong record")
    print("linked; other = new proposals that match no named organisation; dates = the event's start and end at")
    print("their precision; full = full dates of the seed's visits found exactly in the text.\n")
    for r in results:
        print(
            f"{r['file']}: language {r['language'][0]} (expected {r['language'][1]}); dates {r['got_dates']}"
            f" (expected {r['expected_dates']})"
        )
        for label in ("missed", "missed_links", "false_friends", "other"):
            if r[label]:
                print(f"  {label.replace('_', ' ')}: {', '.join(r[label])}")


def main() -> None:
    setup()
    from intake.propose import propose

    began = time.perf_counter()
    propose((SEEDS / "000_6b830b894c678442.txt").read_text(encoding="utf-8"))
    cold = time.perf_counter() - began
    report([run_seed(file, module) for file, module in SEED_MODULES.items()], cold)


if __name__ == "__main__":
    main()
