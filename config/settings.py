"""Settings, read from the environment.

DJANGO_ENV=production switches to production mode, which refuses to start unless SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL are set. Without DATABASE_URL (development and tests), the
project's embedded PostgreSQL is started on demand (see config/embedded_db.py).
"""

import hashlib
import operator
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.environment import cache_settings, email_settings, env_bool, env_int, env_list, media_storage

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION = os.environ.get("DJANGO_ENV", "development").lower() == "production"


if PRODUCTION:
    missing = [n for n in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL") if not os.environ.get(n)]
    if missing:
        raise ImproperlyConfigured(f"Production mode needs these environment variables: {', '.join(missing)}")

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI files for /api/docs/, served locally
    "taggit",
    "pgtrigger",
    "simple_history",
    "import_export",
    "axes",
    # Reader accounts: sign-up with e-mail verification, sign-in, password reset (accounts/).
    "allauth",
    "allauth.account",
    # Foundation (no knowledge of the domain), the domain apps, the features above them, then
    # demo data and operations apart (the layers: README "For developers", pyproject.toml).
    *("core", "clusters", "funding", "visits"),
    *("home", "globalsearch", "insights", "freshness", "intake", "alerts", "compare", "shortlists"),
    *("discovery", "accounts", "demo", "ops"),
]

# Database triggers are declared on the models (Meta.triggers, django-pgtrigger) and installed by
# the migrations makemigrations writes for them, never after migrate (installing after migrate
# races with the tables' own migrations and breaks reversing them).
PGTRIGGER_MIGRATIONS = True
PGTRIGGER_INSTALL_ON_MIGRATE = False

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # HTML, JSON and CSV compressed for clients that accept gzip (static files come precompressed
    # from WhiteNoise and are left alone). Compression with secrets in the page invites BREACH;
    # Django's answer is in place: the CSRF token is masked afresh in every response, and this
    # middleware pads each gzip stream with up to 100 random bytes ("Heal the Breach"), so a
    # length observed across requests tells nothing. Before every middleware that reads or
    # writes the body, so it compresses last.
    "django.middleware.gzip.GZipMiddleware",
    # Before WhiteNoise, which answers static files itself: they get these headers too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: the reader's language from the cookie set by the switcher,
    # else from Accept-Language, else English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whole pages for GETs, keyed by URL, language, data version and role (core/cache.py);
    # inside CSRF (a fresh token on every hit), outside messages (a message cookie skips it).
    "core.cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-allauth's (required by its views; keeps unfinished sign-in flows tidy).
    "allauth.account.middleware.AccountMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Seconds an anonymous page stays cached at most (0: off, the default outside production); any
# write invalidates it at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300 if PRODUCTION else 0)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.registry.navigation",
            ],
        },
    },
]

# The embedded server's data directory, when it is the database: found stopped, it is started again.
EMBEDDED_DATABASE_DIR = None
if os.environ.get("DATABASE_URL"):
    _database_url = os.environ["DATABASE_URL"]
else:
    from config.embedded_db import database_url

    _database_url = database_url(BASE_DIR)
    EMBEDDED_DATABASE_DIR = BASE_DIR / ".pgdata"

DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)}

# The cache (anonymous pages, facet counts of large lists, common searches, API throttling and,
# with Redis, sign-in failure counts and sessions). With REDIS_URL, one Redis shared by every
# process of every app server: several gunicorn servers on one Postgres and one Redis behave as
# one site (README "Several app servers"). Without it, in production one cache on disk shared by
# every worker and process of the machine: a page or a count computed once serves both gunicorn
# workers, and a worker recycled after max_requests starts warm (with a cache per process, each
# worker recomputed the 3-second unfiltered facet counts after every recycle). Elsewhere, and with
# CACHE_DIR empty, memory of the process. The Redis and disk backends degrade: a store that fails
# is a miss, logged once a minute, never a 500 (core/cache_backends.py); /health/ reports it.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = os.environ.get("CACHE_DIR", str(BASE_DIR / ".local" / "cache") if PRODUCTION else "")
CACHES = {"default": cache_settings(REDIS_URL, CACHE_DIR)}
# Keys name the database, so two sites (or the benchmark) sharing a CACHE_DIR or a Redis database
# never meet, and app servers of one site (one DATABASE_URL) share them. CACHE_KEY_PREFIX sets it
# when the servers reach the database under different host names.
CACHES["default"]["KEY_PREFIX"] = (
    os.environ.get("CACHE_KEY_PREFIX")
    or hashlib.sha256(
        "|".join(str(DATABASES["default"].get(k) or "") for k in ("HOST", "PORT", "NAME")).encode()
    ).hexdigest()[:12]
)
# Sessions: in the database, read through a shared cache when there is one (Redis, CACHE_DIR):
# written to both, so a cache restart signs nobody out; a signed-in page hit reads no session row.
if REDIS_URL or CACHE_DIR:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 for new and re-hashed passwords; the others still verify hashes made before.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username and address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Readers sign in with their e-mail address at /accounts/login/ (django-allauth). After axes, so
    # that those sign-ins are counted and locked out as the admin's are.
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Sign-in lockout: five failed sign-ins for one username from one address lock that pair for
# 15 minutes; other users and other addresses are unaffected. A successful sign-in clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# The failure counts: with Redis in the shared cache (every app server counts the same failures,
# no database write per failed sign-in); otherwise in the database (AccessAttempt rows), which
# every process and server shares as well.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler" if REDIS_URL else "axes.handlers.database.AxesDatabaseHandler"
# The admin's sign-in form posts "username", the readers' (allauth) "email": both are counted.
AXES_USERNAME_CALLABLE = "core.security.axes_username"
# Behind a reverse proxy, REMOTE_ADDR is the proxy; set AXES_CLIENT_IP_HEADER (e.g. HTTP_X_REAL_IP)
# to the header the proxy overwrites with the client's address.
if os.environ.get("AXES_CLIENT_IP_HEADER"):
    AXES_CLIENT_IP_CALLABLE = "core.security.client_ip_from_header"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Interface languages. Record content stays in its own language (Visit.report_language).
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# A post may carry this many fields (Django's default, 1,000, refuses the edit of a network with
# 150 members); the admin inlines refuse more than 200 new rows themselves, before building a form
# (core.admin.BoundedInlineFormSet), so a post of 1,000 inline forms is a 400 at once either way.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
MEDIA_URL = "media/"
# Uploaded files. With several app servers MEDIA_ROOT must be one shared path (NFS or similar), or
# an S3-compatible bucket (AWS_STORAGE_BUCKET_NAME; config.environment.media_storage).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Largest attachment (bytes); served only through visits:attachment, which checks the visit is published.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Readers sign in at /accounts/ (django-allauth, accounts/); the admin keeps its own sign-in at
# /admin/login/, which staff pages name themselves.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
# No username to choose: allauth fills the User's username in itself.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Messages ("Successfully signed in as …") name the address, not the generated username.
ACCOUNT_USER_DISPLAY = operator.attrgetter("email")
ACCOUNT_UNIQUE_EMAIL = True
# One address per reader; changing it sends a verification to the new one first.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cluster Cooperation KB] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Failed sign-ins are counted and locked by django-axes (above), as for the admin: one rule, one
# lockout page (429), not a second, different limit from allauth.
ACCOUNT_RATE_LIMITS = {"login_failed": None}

# Readers who see contact persons: members of the Readers group, and users with a verified
# address in one of these domains (exact domain, any case; core.roles.can_see_contacts).
READER_EMAIL_DOMAINS = [d.lower().lstrip("@") for d in env_list("READER_EMAIL_DOMAINS")]


# Outgoing e-mail (sign-up verification, password reset, alerts): EMAIL_URL is
# smtp://user:password@host:port (smtp+tls:// for STARTTLS, smtp+ssl:// for implicit TLS) or
# console:// (printed, the default in development).
# SITE_URL makes the e-mails' links absolute.


globals().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cluster Cooperation KB <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# How long an e-mail's unsubscribe link works (seconds; default 90 days).
ALERTS_UNSUBSCRIBE_MAX_AGE = env_int("ALERTS_UNSUBSCRIBE_MAX_AGE", 90 * 24 * 3600)

# Security headers. SecurityMiddleware: nosniff, Referrer-Policy, Cross-Origin-Opener-Policy and,
# on HTTPS requests, HSTS; XFrameOptionsMiddleware: X-Frame-Options; django-csp: the policy below.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
# The preload directive alone changes nothing until the domain is submitted to hstspreload.org.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
# On by default in production; SECURE_SSL_REDIRECT=0 for plain-http runs (local scans, tests).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
# Load balancers probe /health/ over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Behind a TLS-terminating proxy: SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO (the proxy must
# overwrite that header, never pass on the client's).
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# No inline script or style anywhere: the site's templates and the Django admin load every
# script and stylesheet from files. 'none' for everything the site never uses.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Tags are matched without regard to case: "Nuclear" and "nuclear" are one tag.
TAGGIT_CASE_INSENSITIVE = True

# Admin imports are all or nothing: any row error rolls the whole file back (clusters/resources.py).
IMPORT_EXPORT_USE_TRANSACTIONS = True

COUNTRIES_FIRST = ["DE", "FR", "IT", "RU", "TR"]

# Freshness: an open call whose deadline is this many days away or fewer is highlighted as
# closing soon; the staff page /staff/stale/ lists records not updated for this many months
# unless ?months= says otherwise (freshness/stale.py).
CALL_CLOSING_SOON_DAYS = 14
STALE_AFTER_MONTHS = 12

# The read-only JSON API under /api/ (core/api.py, <app>/api.py, config/api_urls.py). JSON only;
# the documentation page is Swagger UI at /api/docs/. Anonymous clients are limited per address
# (API_ANON_RATE, e.g. "120/min"; counted in the default cache: shared by every process when
# CACHE_DIR is set, as it is by default in production, and by every app server with REDIS_URL).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/min")},
    # Behind N reverse proxies, the client address is read from X-Forwarded-For (API_NUM_PROXIES=N);
    # otherwise every client would share the proxy's address, and its limit.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0) or None,
    "DEFAULT_SCHEMA_CLASS": "core.api.ApiAutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cluster Cooperation Knowledge Base API",
    "DESCRIPTION": (
        "Read-only open data: organisations, visits and events, funding instruments, calls and projects. "
        "List endpoints take the same filters as the site's list pages and are paginated (`page`, `page_size`). "
        "Drafts and contact details are never given to anonymous clients (contact details only to readers); "
        "anonymous use is rate-limited (429)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No call to the public validator service (the CSP forbids it, and no network at run time).
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None},
    # One named enum per choice set (several models have a "kind", "status" or "role"); each
    # record type adds its own when it registers (core/registry.py).
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "core.models.DatePrecision",
    },
}

# In production every log line is one JSON object (ops/logging.py), errors with their traceback
# and request path, so that a log collector can index them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["json" if PRODUCTION else "console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["json" if PRODUCTION else "console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["json" if PRODUCTION else "console"], "level": "WARNING", "propagate": False},
    },
}
