"""Browser fixtures: Playwright driving the system Chromium (Debian's package), never a
downloaded browser. Without Chromium the browser tests are skipped, unless E2E_REQUIRED=1
(set by CI) turns that into a failure."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if not path:
        message = "Chromium not found (apt-get install chromium); browser tests need it."
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop; Django must allow ORM calls from this thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    args = ["--headless=new", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=args)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def context_page(browser, live_server):
    """``open_page(javascript=..., width=...)``: a page in a context of its own, e.g. without JavaScript."""
    contexts = []

    def open_page(*, javascript: bool, width: int):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def demo_data(transactional_db):
    """Browser tests run on a flushed database (live server); they load the demo set themselves."""
    call_command("load_demo", verbosity=0)


@pytest.fixture
def screenshot(page):
    def take(name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
