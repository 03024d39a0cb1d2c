"""Reading the environment: typed variables, and the settings an address (EMAIL_URL, REDIS_URL,
CACHE_DIR, an S3 bucket) stands for. ``config/settings.py`` says which variables exist and why;
this module only turns their text into Django's settings."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value is None or not value.strip() else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def cache_settings(redis_url: str, cache_dir: str) -> dict:
    """The default cache: Redis when ``redis_url``, else files in ``cache_dir``, else memory. The
    Redis and file backends degrade (core/cache_backends.py): a store that fails is a miss."""
    if redis_url:
        timeout = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
        return {
            "BACKEND": "core.cache_backends.DegradingRedisCache",
            "LOCATION": redis_url,
            # A Redis that does not answer costs a request at most this long, then the page is
            # computed without it (a closed port fails at once).
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    if cache_dir:
        return {
            "BACKEND": "core.cache_backends.DegradingFileBasedCache",
            "LOCATION": cache_dir,
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 3000)},
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def media_storage() -> dict:
    """Uploaded files: an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set (install
    requirements-s3.txt), else MEDIA_ROOT on disk."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Files are only served through the views that check who may read them
            # (visits:attachment): private objects, never overwritten by a same-named upload.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


def email_settings(url: str) -> dict:
    """The EMAIL_* settings an EMAIL_URL stands for."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in backends:
        return {"EMAIL_BACKEND": backends[scheme]}
    if scheme not in ("smtp", "smtp+tls", "smtp+ssl", "submission"):
        raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {parts.scheme!r} (smtp, smtp+tls, smtp+ssl, console)")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or {"smtp": 25, "smtp+ssl": 465}.get(scheme, 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": scheme in ("smtp+tls", "submission"),
        "EMAIL_USE_SSL": scheme == "smtp+ssl",
        "EMAIL_TIMEOUT": 30,
    }
