"""Timings of intake's text work over the five seeds: `python -m bench.intake_text` from the
repository. The first pass pays for loading lingua's and dateparser's data and compiling the
patterns (printed as warm-up); the figures per document are the median of five warm passes.
Needs no database. Prints figures; asserts nothing (the tests in tests/intake assert)."""

import statistics
import sys
import time

from demo.seeds import seeds_dir
from intake.text import dates, figures, itinerary, language, places, titles

SEEDS = seeds_dir()
PASSES = 5


def run(text: str) -> dict:
    code = language.detect_language(text)
    found = dates.find_dates(text, code)
    return {
        "language": code,
        "title": titles.guess_title(text),
        "start": found.start,
        "end": found.end,
        "precision": found.precision,
        "places": places.find_places(text, code),
        "figures": figures.find_figures(text, code),
        "participants": figures.participants_count(text, code),
        "stops": itinerary.find_itinerary(text, code, found.start),
    }


def main() -> None:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        sys.exit(f"No seeds in {SEEDS}")
    began = time.perf_counter()
    for path in files:
        run(path.read_text(encoding="utf-8"))
    print(f"warm-up (all five, loading models and patterns): {time.perf_counter() - began:.2f} s")
    print(f"{'document':28} {'chars':>6} {'lang':>4} {'dates':>23} {'fig':>4} {'stops':>5} {'median s':>9}")
    total = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        timings = []
        for _ in range(PASSES):
            began = time.perf_counter()
            result = run(text)
            timings.append(time.perf_counter() - began)
        median = statistics.median(timings)
        total += median
        span = f"{result['start']}..{result['end'] or ''} {result['precision'][0]}"
        print(
            f"{path.name:28} {len(text):>6} {result['language'] or '-':>4} {span:>23} "
            f"{len(result['figures']):>4} {len(result['stops']):>5} {median:>9.3f}"
        )
    print(f"total (medians): {total:.3f} s; target under 0.5 s a document")


if __name__ == "__main__":
    main()
