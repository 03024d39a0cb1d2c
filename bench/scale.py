"""The page table at one or more data scales: each page as served (page cache on, warm) and
uncached (page cache bypassed and every data cache invalidated before each request, as after a
write), per scale, and the growth factor of the uncached time from 1x to the largest scale."""

import os

from bench.common import RUNS, UNCACHED, DataVersion, N, load_average, timings


def use_database(url: str) -> None:
    """Point the in-process Django connection (query counts, URLs from the data) at ``url``."""
    from urllib.parse import urlsplit

    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = urlsplit(url).path.lstrip("/")


def measure_pages(port: int, url: str, urls: dict, counts: dict, scale: int) -> dict:
    """As served and uncached timings of every page against the server on ``port`` (on ``url``)."""
    print(f"\nPages at {scale}x: {N} sequential requests each after a warm-up, {RUNS} run(s); ms on loopback")
    print(f"  load average {load_average()} at the start")
    version = DataVersion(url)
    results = {}
    try:
        for name, path in urls.items():
            served = timings(port, path, headers={})
            uncached = timings(port, path, headers=UNCACHED, before=version.bump)
            results[name] = {"served": served, "uncached": uncached, "queries": counts[name], "path": path}
            print(
                f"  {name:<24} served {served['median']:7.1f}  uncached {uncached['median']:7.1f} "
                f"({uncached['low']:.0f}-{uncached['high']:.0f})  {counts[name]:3d} queries  {uncached['status']}"
            )
    finally:
        version.close()
    return results


def _cell(figures: dict) -> str:
    return f"{figures['median']:7.1f} {figures['low']:6.0f}-{figures['high']:<6.0f}"


def print_table(by_scale: dict) -> None:
    """One line per page: as served and uncached (median of the run medians, low-high of the run
    medians) at each scale, query counts, and the growth factor of the uncached median."""
    scales = sorted(by_scale)
    top = scales[-1]
    print(f"\nPage table ({os.cpu_count()} CPUs; medians of {RUNS} run(s) of {N} requests, run spread low-high; ms)")
    header = f"{'page':<24}"
    for scale in scales:
        header += f" {'served ' + str(scale) + 'x':>9} {'uncached ' + str(scale) + 'x':>20} {'q':>3}"
    if top != 1:
        header += f" {'growth':>7}"
    print(header)
    for name in by_scale[1]:
        line = f"{name:<24}"
        for scale in scales:
            row = by_scale[scale][name]
            line += f" {row['served']['median']:9.1f} {_cell(row['uncached']):>20} {row['queries']:3d}"
        if top != 1:
            growth = by_scale[top][name]["uncached"]["median"] / by_scale[1][name]["uncached"]["median"]
            line += f" {growth:6.2f}x"
        print(line)
    worst = max(by_scale[1], key=lambda name: by_scale[1][name]["uncached"]["median"])
    print(f"Slowest uncached at 1x: {worst} {by_scale[1][worst]['uncached']['median']:.1f} ms")
    if top != 1:
        growths = {
            n: by_scale[top][n]["uncached"]["median"] / by_scale[1][n]["uncached"]["median"] for n in by_scale[1]
        }
        steepest = max(growths, key=growths.get)
        print(f"Steepest growth 1x -> {top}x: {steepest} {growths[steepest]:.2f}x")
