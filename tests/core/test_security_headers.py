"""Every response carries the security headers: pages, 404s, static files served by WhiteNoise,
the admin and the health check. The policy allows no inline script or style."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


@pytest.fixture
def static_client(client, settings):
    # WhiteNoise reads its settings when the middleware is built, i.e. on this client's first request.
    settings.WHITENOISE_USE_FINDERS = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    return client


def assert_security_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    for directive, value in EXPECTED_CSP.items():
        assert policy[directive] == value, directive
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/search/?q=cluster", 200),
        ("/no-such-page/", 404),
        ("/partners/no-such-partner/", 404),
        ("/static/css/site.css", 200),
        ("/static/admin/js/autocomplete.js", 200),
        ("/admin/login/", 200),
        ("/health/", 200),
    ],
)
def test_anonymous_responses_carry_every_security_header(static_client, path, status):
    response = static_client.get(path, secure=True)
    assert response.status_code == status
    assert_security_headers(response)


def test_static_file_is_served_by_whitenoise(static_client):
    response = static_client.get("/static/css/site.css", secure=True)
    # WhiteNoise answers with a file response, not a rendered Django page.
    assert b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("text/css")


@pytest.mark.parametrize("path", ["/admin/", "/admin/clusters/organisation/", "/admin/clusters/organisation/add/"])
def test_admin_pages_carry_every_security_header(admin_client, settings, path):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = admin_client.get(path, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


def test_no_template_of_the_site_has_inline_script_or_style():
    for template in (BASE_DIR / "templates").rglob("*.html"):
        text = template.read_text()
        assert "<style" not in text, template
        assert " style=" not in text, template
        for line in text.split("<script")[1:]:
            assert "src=" in line.split(">")[0], template


def run_in_production(*args, env_extra=None):
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "ckb.example.org",
        # check --deploy does not connect; the URL only has to be present.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    }
    for name in (
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_COOKIES",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_PRELOAD",
        "CACHE_DIR",
    ):
        env.pop(name, None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60)


def test_check_deploy_passes_in_production_mode():
    result = run_in_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_cookies_are_secure_http_only_and_same_site():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = run_in_production("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "Lax", "Lax", "True", "False"]


def test_ssl_redirect_can_be_turned_off_for_plain_http_runs():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup();"
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT)"
    )
    result = run_in_production("-c", code, env_extra={"SECURE_SSL_REDIRECT": "0"})
    assert result.stdout.split() == ["False"]


def test_production_shares_one_cache_on_disk_between_workers():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup();"
        "from django.conf import settings as s; c = s.CACHES['default']; print(c['BACKEND'], c.get('LOCATION'))"
    )
    default = run_in_production("-c", code)
    assert default.stdout.split() == [
        "core.cache_backends.DegradingFileBasedCache",  # a file cache that degrades to a miss on error
        str(BASE_DIR / ".local" / "cache"),
    ], default.stderr
    chosen = run_in_production("-c", code, env_extra={"CACHE_DIR": "/var/cache/ckb"})
    assert chosen.stdout.split()[1] == "/var/cache/ckb"
    in_memory = run_in_production("-c", code, env_extra={"CACHE_DIR": ""})
    assert in_memory.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache"
