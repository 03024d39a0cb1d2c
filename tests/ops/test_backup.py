"""manage.py backup and restore: a backup of the demo data with some edits and an uploaded file,
restored into a new empty database on the same server, holds exactly the same rows and files."""

import hashlib
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]

# Marked so that pytest-django sets up the test database even when this file runs alone;
# unmarked, the fixtures would reach the database named in settings (a developer's own).
pytestmark = pytest.mark.django_db


def url_of(config: dict, name: str) -> str:
    host = config.get("HOST") or ""
    socket_dir = config.get("OPTIONS", {}).get("host")
    auth = quote(config.get("USER") or "") + (f":{quote(config['PASSWORD'])}" if config.get("PASSWORD") else "")
    port = f":{config['PORT']}" if config.get("PORT") else ""
    query = f"?host={socket_dir}" if socket_dir and not host else ""
    return f"postgresql://{auth}@{host}{port}/{name}{query}"


def table_fingerprints(url: str) -> dict[str, tuple[int, str]]:
    """Rows and an md5 over the sorted text of every row, per table of the public schema."""
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        ]
        return {
            table: conn.execute(
                "SELECT count(*), coalesce(md5(string_agg(t::text, '' ORDER BY t::text)), '') "
                f'FROM public."{table}" t'
            ).fetchone()
            for table in tables
        }


def manage(*args, database_url, media_root):
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root), "DJANGO_ENV": "development"}
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def source_url(django_db_setup, django_db_blocker):
    """The test database (demo data), with a few committed edits that are undone afterwards."""
    # Browser tests flush the database and may have run first: (re)load the demo, idempotently.
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
    url = url_of(settings.DATABASES["default"], settings.DATABASES["default"]["NAME"])
    marker = f"backup-test-{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        (org_id, old_name) = conn.execute("SELECT id, name FROM clusters_organisation ORDER BY id LIMIT 1").fetchone()
        conn.execute("UPDATE clusters_organisation SET name = %s WHERE id = %s", (f"{old_name} ({marker})", org_id))
        conn.execute("INSERT INTO taggit_tag (name, slug) VALUES (%s, %s)", (marker, marker))
    try:
        yield url
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE clusters_organisation SET name = %s WHERE id = %s", (old_name, org_id))
            conn.execute("DELETE FROM taggit_tag WHERE slug = %s", (marker,))


@pytest.fixture
def target_url():
    """A new, empty database on the same server, dropped afterwards."""
    config = settings.DATABASES["default"]
    name = f"ckb_restore_{uuid.uuid4().hex[:10]}"
    admin_url = url_of(config, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_of(config, name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def file_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_restore_into_an_empty_database_reproduces_every_row_and_file(source_url, target_url, tmp_path):
    media = tmp_path / "media"
    (media / "visits" / "attachments").mkdir(parents=True)
    (media / "visits" / "attachments" / "report.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(4096))
    (media / "notes.txt").write_text("Uploaded notes, ünïcode.")

    manage("backup", "--output", str(tmp_path / "backup"), database_url=source_url, media_root=media)
    assert {p.name for p in (tmp_path / "backup").iterdir()} == {"database.dump", "media.tar", "manifest.json"}

    restored_media = tmp_path / "restored-media"
    output = manage("restore", str(tmp_path / "backup"), database_url=target_url, media_root=restored_media)
    assert "Restored" in output

    source, target = table_fingerprints(source_url), table_fingerprints(target_url)
    assert source.keys() == target.keys()
    assert sum(count for count, _ in source.values()) > 500  # the demo data is really there
    assert source == target
    assert file_hashes(restored_media) == file_hashes(media)


def test_restore_refuses_a_database_that_is_not_empty(source_url, tmp_path):
    media = tmp_path / "media"
    manage("backup", "--output", str(tmp_path / "backup"), database_url=source_url, media_root=media)
    env = {**os.environ, "DATABASE_URL": source_url, "MEDIA_ROOT": str(media)}
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path / "backup")],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "already has tables" in result.stderr


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ("pg_dump (PostgreSQL) 18.3\n", 18),
        ("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n", 15),
        ("pg_restore (PostgreSQL) 16.4 (Ubuntu 16.4-1.pgdg22.04+1)\n", 16),
        ("something else\n", None),
    ],
)
def test_client_version_is_read_from_distribution_builds_too(output, major):
    from ops.pgtools import client_major_version

    assert client_major_version(output) == major
