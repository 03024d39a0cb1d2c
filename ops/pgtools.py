"""Running PostgreSQL's client programs (pg_dump, pg_restore) against a Django database.

The client must be at least as new as the server: the embedded server uses the binaries bundled
with pgserver; any other server uses PG_BIN_DIR, else /usr/lib/postgresql/<major>/bin, else PATH.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections


def connection_args(alias: str = "default", name: str | None = None) -> tuple[list[str], dict[str, str]]:
    """libpq command-line options and environment for the database behind ``alias``."""
    config = connections[alias].settings_dict
    host = config.get("HOST") or config.get("OPTIONS", {}).get("host", "")
    args = ["--dbname", name or config["NAME"]]
    if host:
        args += ["--host", str(host)]
    if config.get("PORT"):
        args += ["--port", str(config["PORT"])]
    if config.get("USER"):
        args += ["--username", config["USER"]]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return args, env


def _uses_embedded_server(alias: str) -> bool:
    config = connections[alias].settings_dict
    return str(config.get("OPTIONS", {}).get("host", "")) == str(settings.BASE_DIR / ".pgdata")


def server_major_version(alias: str = "default") -> int:
    with connections[alias].cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def client_major_version(version_output: str) -> int | None:
    """The major version in ``pg_dump --version`` output, e.g. "pg_dump (PostgreSQL) 15.20 (Debian
    15.20-0+deb12u1)" gives 15 (distributions append their own parenthesis)."""
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", version_output)
    return int(found.group(1)) if found else None


def client_program(program: str, alias: str = "default") -> str:
    """Path of ``program`` (pg_dump, pg_restore) able to handle the server behind ``alias``."""
    major = server_major_version(alias)
    candidates = []
    if _uses_embedded_server(alias):
        from pgserver._commands import POSTGRES_BIN_PATH

        candidates.append(Path(POSTGRES_BIN_PATH) / program)
    if os.environ.get("PG_BIN_DIR"):
        candidates.append(Path(os.environ["PG_BIN_DIR"]) / program)
    candidates.append(Path(f"/usr/lib/postgresql/{major}/bin") / program)
    if shutil.which(program):
        candidates.append(Path(shutil.which(program)))
    for path in candidates:
        if path.is_file():
            version = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=True).stdout
            found = client_major_version(version)
            if found is not None and found >= major:
                return str(path)
    raise CommandError(f"No {program} of version {major} or later found (set PG_BIN_DIR).")


def run(program: str, args: list[str], alias: str = "default", name: str | None = None) -> None:
    db_args, env = connection_args(alias, name)
    result = subprocess.run([client_program(program, alias), *db_args, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")


def table_counts(alias: str = "default") -> dict[str, int]:
    """Rows per table of the public schema, as the manifest of a backup records them."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM public."{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts
