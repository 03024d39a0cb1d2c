"""Lighthouse and axe-core on the pages readers use, at the mobile and desktop presets: `make audit`.

Runs against a server that is already up (``manage.py runserver`` or ``make run`` on a database
with the demo data; ``--base-url``, default http://127.0.0.1:8000) and prints one table. Asserts
nothing; the figures go into issue notes.

- Lighthouse (npm ``lighthouse``, pinned below, fetched by ``npx`` on first use) with the system
  Chromium: performance, accessibility, best practices and SEO per page and preset.
- axe-core (the copy vendored for the browser tests, tests/e2e/vendor/axe.min.js) through
  Playwright at 390 and 1366 px: the number of violated rules (WCAG 2.1 A/AA and best practice,
  as tests/e2e/test_accessibility.py) and their ids.
- ``--admin``: axe also on the admin's visit and organisation add and change pages, signed in
  as ``admin`` with the demo password (``DEMO_ADMIN_PASSWORD`` or .local/demo-admin-password).

The pages: home, a list (/partners/), an organisation and a visit (the first linked from their
lists), search (/search/?q=cluster), and one page of every other public type (Who to meet,
compare, funding fit, instruments, calls, visits, a country, two countries, map, network);
``--only home,search`` narrows them.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.8.2"  # 13.x needs Node 22; Debian 12 ships Node 18-20
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "tests" / "e2e" / "vendor" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
WIDTHS = {"mobile": 390, "desktop": 1366}


def _first_link(base: str, list_path: str, pattern: str) -> str:
    html = urllib.request.urlopen(base + list_path, timeout=30).read().decode()
    match = re.search(pattern, html)
    if not match:
        sys.exit(f"No link matching {pattern} on {list_path}: is the demo data loaded?")
    return match.group(1)


def pages(base: str) -> dict[str, str]:
    return {
        "home": "/",
        "list": "/partners/",
        "organisation": _first_link(base, "/partners/", r'<h3 class="card-title"><a href="(/partners/[^"/]+/)"'),
        "visit": _first_link(base, "/visits/", r'href="(/visits/[a-z0-9-]+/)"'),
        "search": "/search/?q=cluster",
        "discover": "/discover/?for=isim",
        "compare": "/compare/?o=pole-vehicule-du-futur&o=isim",
        "funding-fit": "/funding/fit/?beneficiary=sme&country=TR",
        "funding": "/funding/",
        "calls": "/funding/calls/",
        "country": "/countries/fr/",
        "two-countries": "/countries/ru/with/fr/",
        "map": "/map/",
        "network": "/network/",
        "visits": "/visits/",
    }


def lighthouse(url: str, preset: str) -> dict[str, int]:
    command = [
        "npx", "--yes", LIGHTHOUSE, url, "--output=json", "--output-path=stdout", "--quiet",
        f"--chrome-path={CHROMIUM}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        print(f"  lighthouse failed on {url} ({preset}): {done.stderr.strip()[-300:]}", file=sys.stderr)
        return {}
    report = json.loads(done.stdout)
    scores = {key: round(100 * (cat["score"] or 0)) for key, cat in report["categories"].items()}
    failing = [
        audit_id
        for cat in report["categories"].values()
        for ref in cat["auditRefs"]
        if ref.get("weight") and (audit_id := ref["id"]) and (report["audits"][audit_id].get("score") or 0) < 1
    ]
    scores["failing"] = sorted(set(failing))
    return scores


def _sign_in(page, base: str) -> None:
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or (ROOT / ".local" / "demo-admin-password").read_text().strip()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", password)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_load_state()


def axe(base: str, targets: dict[str, str], admin: bool) -> dict[tuple[str, str], list[str]]:
    from playwright.sync_api import sync_playwright

    source = AXE.read_text(encoding="utf-8")
    found: dict[tuple[str, str], list[str]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"])
        for preset, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            if admin:
                _sign_in(page, base)
            for name, path in targets.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.evaluate(source)
                result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                found[(name, preset)] = sorted(v["id"] for v in result["violations"])
            context.close()
        browser.close()
    return found


def admin_pages(base: str) -> dict[str, str]:
    """The add pages, and the change pages of the first visit and organisation of the admin's lists."""
    from playwright.sync_api import sync_playwright

    found = {
        "admin visit add": "/admin/visits/visit/add/",
        "admin organisation add": "/admin/clusters/organisation/add/",
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"])
        page = browser.new_page()
        _sign_in(page, base)
        for name, changelist in [
            ("admin visit change", "/admin/visits/visit/"),
            ("admin organisation change", "/admin/clusters/organisation/"),
        ]:
            page.goto(base + changelist)
            found[name] = page.locator("#result_list tbody th a").first.get_attribute("href")
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base-url", default=os.environ.get("AUDIT_BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument(
        "--only",
        help="comma-separated page names (home,list,organisation,visit,search,discover,compare,funding-fit,...)",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="axe only")
    parser.add_argument("--admin", action="store_true", help="axe on the admin's visit and organisation pages too")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    try:
        urllib.request.urlopen(base + "/health/", timeout=10)
    except OSError as error:
        sys.exit(f"No server at {base} ({error}): start one first, e.g. `make run` or `manage.py runserver`.")

    targets = pages(base)
    if args.only:
        targets = {k: v for k, v in targets.items() if k in args.only.split(",")}
    scores = {}
    if not args.no_lighthouse:
        for name, path in targets.items():
            for preset in WIDTHS:
                print(f"lighthouse {preset:7} {path}", file=sys.stderr)
                scores[(name, preset)] = lighthouse(base + path, preset)
                print(f"  {scores[(name, preset)]}", file=sys.stderr)
    violations = axe(base, targets, admin=False)
    if args.admin:
        admin_targets = admin_pages(base)
        violations.update(axe(base, admin_targets, admin=True))
        targets.update(admin_targets)

    header = (
        f"{'page':26} {'preset':8} {'perf':>4} {'a11y':>4} {'b-p':>4} {'seo':>4} {'axe':>4}  failing audits / axe rules"
    )
    print(header)
    print("-" * len(header))
    for name in targets:
        for preset in WIDTHS:
            s = scores.get((name, preset), {})
            rules = violations.get((name, preset), [])
            cells = [str(s.get(c, "-")) for c in CATEGORIES]
            notes = ", ".join(s.get("failing", []) + [f"axe:{r}" for r in rules])
            print(
                f"{name:26} {preset:8} {cells[0]:>4} {cells[1]:>4} {cells[2]:>4} {cells[3]:>4} {len(rules):>4}  {notes}"
            )


if __name__ == "__main__":
    main()
