"""`make run`'s set-up in one process: migrate, load the demo data, ensure the demo superuser,
each only when there is something to do, so that a second `make run` starts in seconds.

- Migrations run when a migration file of an installed app is not recorded in
  ``django_migrations`` (after a `git pull` that adds one, or on an empty database). The check
  lists the migration packages' modules the way Django's loader does, without importing them.
- The demo data is reloaded when its fingerprint (the SHA-256 of the loader's source: every
  module of ``demo/records`` plus the reference data and roles it re-ensures) differs from the one
  stored in the database, when migrations just ran, or when a row the last load wrote is gone
  (a flushed, restored or hand-pruned database). The stamp lives in the database itself, in a
  small table this command creates (``ckb_setup_stamp``, outside Django's models), so it always
  describes the database it sits in. ``manage.py load_demo`` still reloads unconditionally.
- The demo superuser step is one query; its Argon2 password check (about a second) only runs
  when the password or the stored hash changed (see demo_superuser.py).
"""

import hashlib
import json
import pkgutil
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

import clusters.reference
import core.roles
import demo.records
from demo.management.commands.demo_superuser import ensure_demo_superuser
from demo.management.commands.load_demo import summarise
from demo.records import load_all

STAMP_TABLE = "ckb_setup_stamp"
DEMO_STAMP = "demo"


def unapplied_migrations(conn=connection) -> list[tuple[str, str]]:
    """Migrations on disk that the database has not recorded as applied, as (app, name)."""
    recorder = MigrationRecorder(conn)
    applied = set(recorder.applied_migrations()) if recorder.has_table() else set()
    missing = []
    for app_config in apps.get_app_configs():
        module_name, _explicit = MigrationLoader.migrations_module(app_config.label)
        try:
            spec = find_spec(module_name) if module_name else None
        except ModuleNotFoundError:  # MIGRATION_MODULES naming a package that does not exist
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        # The same selection as MigrationLoader.load_disk: plain modules not starting with _ or ~.
        names = {
            name
            for _, name, is_pkg in pkgutil.iter_modules(spec.submodule_search_locations)
            if not is_pkg and name[0] not in "_~"
        }
        missing += [(app_config.label, name) for name in sorted(names) if (app_config.label, name) not in applied]
    return missing


def demo_sources() -> list[Path]:
    demo_dir = Path(demo.records.__file__).parent
    return sorted(demo_dir.glob("*.py")) + [Path(clusters.reference.__file__), Path(core.roles.__file__)]


def demo_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in demo_sources():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_stamp(name: str, conn=connection) -> dict | None:
    with conn.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [STAMP_TABLE])
        if not cursor.fetchone()[0]:
            return None
        cursor.execute(f"SELECT value FROM {STAMP_TABLE} WHERE name = %s", [name])
        row = cursor.fetchone()
    if row is None:
        return None
    return row[0] if isinstance(row[0], dict) else json.loads(row[0])


def write_stamp(name: str, value: dict, conn=connection) -> None:
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {STAMP_TABLE} (name text PRIMARY KEY, value jsonb NOT NULL)")
        cursor.execute(
            f"INSERT INTO {STAMP_TABLE} (name, value) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
            [name, json.dumps(value)],
        )


def demo_is_current(fingerprint: str) -> bool:
    """True when the stored stamp has this fingerprint and every row it lists still exists."""
    stamp = read_stamp(DEMO_STAMP)
    if not stamp or stamp.get("fingerprint") != fingerprint:
        return False
    for label, pks in stamp.get("rows", {}).items():
        try:
            model = apps.get_model(label)
        except LookupError:
            return False
        if model._base_manager.filter(pk__in=pks).count() != len(pks):
            return False
    return True


def load_demo_and_stamp(fingerprint: str):
    """Load the demo data and record its fingerprint and rows, in one transaction."""
    with transaction.atomic():
        loader = load_all()
        rows = {model._meta.label_lower: sorted(pks) for model, pks in loader.touched.items() if pks}
        write_stamp(DEMO_STAMP, {"fingerprint": fingerprint, "rows": rows})
    return loader


class Command(BaseCommand):
    help = (
        "Set up the development database for `make run`: migrate, load the demo data and create the "
        "demo superuser, each only when needed; with --serve, then run the development server."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--serve",
            metavar="HOST:PORT",
            help="then serve on this address (runserver without reloader; the checks ran at set-up)",
        )

    def handle(self, *args, serve=None, verbosity=1, **options):
        pending = unapplied_migrations()
        if pending:
            call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)
        elif verbosity:
            self.stdout.write("Migrations: none to apply.")

        fingerprint = demo_fingerprint()
        if pending or not demo_is_current(fingerprint):
            summarise(load_demo_and_stamp(fingerprint), self.stdout, self.style, verbosity)
        elif verbosity:
            self.stdout.write("Demo data: unchanged since it was loaded, not reloaded (manage.py load_demo reloads).")

        signin = ensure_demo_superuser()
        if not serve:
            self.stdout.write(signin)
            return
        # One process for set-up and server: a second `manage.py runserver` would import Django,
        # the apps and the URLconf all over again.
        url = f"http://{serve}/"
        self.stdout.write(f"\n  Cluster Cooperation Knowledge Base: {url}\n  Admin: {url}admin/  —  {signin}\n")
        connection.close()
        call_command("runserver", serve, use_reloader=False, skip_checks=True)
