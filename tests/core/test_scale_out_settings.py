"""What REDIS_URL, MEDIA_ROOT and AWS_STORAGE_BUCKET_NAME switch on (config/settings.py), read from
a fresh process as a server would start; without them everything stays as on one machine."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SCALE_OUT_VARIABLES = ("REDIS_URL", "CACHE_DIR", "CACHE_KEY_PREFIX", "MEDIA_ROOT", "AWS_STORAGE_BUCKET_NAME")

PRINT = """
import json
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
storage = storages["default"]
print(json.dumps({
    "cache": type(caches["default"]).__name__,
    "axes": settings.AXES_HANDLER,
    "sessions": settings.SESSION_ENGINE,
    "storage": type(storage).__name__,
    "bucket": getattr(storage, "bucket_name", None),
    "endpoint": getattr(storage, "endpoint_url", None),
    "media_root": str(settings.MEDIA_ROOT),
}))
"""


def configured(**env) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in SCALE_OUT_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT}"],
        cwd=BASE_DIR,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_or_a_bucket_everything_stays_on_one_machine():
    assert configured() == {
        "cache": "LocMemCache",
        "axes": "axes.handlers.database.AxesDatabaseHandler",
        "sessions": "django.contrib.sessions.backends.db",
        "storage": "FileSystemStorage",
        "bucket": None,
        "endpoint": None,
        "media_root": str(BASE_DIR / "media"),
    }


def test_redis_url_a_shared_media_root_and_a_bucket_switch_to_shared_stores(tmp_path):
    assert configured(
        REDIS_URL="redis://127.0.0.1:6379/9",
        MEDIA_ROOT=str(tmp_path),
        AWS_STORAGE_BUCKET_NAME="ckb-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    ) == {
        "cache": "DegradingRedisCache",
        "axes": "axes.handlers.cache.AxesCacheHandler",
        "sessions": "django.contrib.sessions.backends.cached_db",
        "storage": "S3Storage",
        "bucket": "ckb-media",
        "endpoint": "http://127.0.0.1:9000",
        "media_root": str(tmp_path),
    }


def test_a_cache_dir_is_the_degrading_cache_on_disk_and_sessions_read_through_it(tmp_path):
    found = configured(CACHE_DIR=str(tmp_path))
    assert found["cache"] == "DegradingFileBasedCache"
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"
