"""manage.py restore DIR: load a backup made by `manage.py backup` into an empty database and
put its uploaded files back into MEDIA_ROOT, then check the row counts against the manifest."""

import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops import pgtools
from ops.management.commands.backup import DUMP, MANIFEST, MEDIA, sha256


class Command(BaseCommand):
    help = "Restore a backup directory into an empty database and MEDIA_ROOT (see README, Backups)."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--replace", action="store_true", help="allow a database that already has tables (they are dropped)"
        )

    def handle(self, *args, directory, database, replace, **options):
        manifest = json.loads((directory / MANIFEST).read_text())
        for name, digest in manifest["files"].items():
            if sha256(directory / name) != digest:
                raise CommandError(f"{name} does not match its checksum in the manifest; not restoring.")
        if pgtools.table_counts(database) and not replace:
            raise CommandError("The database already has tables; restore into an empty one (or pass --replace).")

        pgtools.run(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error", str(directory / DUMP)],
            database,
        )

        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(directory / MEDIA) as archive:
            archive.extractall(media_root, filter="data")  # refuses absolute paths and ../ escapes
        for name, digest in manifest["media"].items():
            if sha256(media_root / name) != digest:
                raise CommandError(f"Restored file {name} does not match its checksum.")

        counts = pgtools.table_counts(database)
        differing = {t: (n, counts.get(t)) for t, n in manifest["tables"].items() if counts.get(t) != n}
        if differing:
            raise CommandError(f"Row counts differ from the manifest (expected, found): {differing}")
        self.stdout.write(
            f"Restored {len(counts)} tables ({sum(counts.values())} rows) and {len(manifest['media'])} media files."
        )
