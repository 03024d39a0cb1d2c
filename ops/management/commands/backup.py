"""manage.py backup: the database (pg_dump custom format), the uploaded files (a tar of
MEDIA_ROOT) and a manifest (rows per table, SHA-256 of every file) in one new directory."""

import hashlib
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from ops import pgtools

DUMP = "database.dump"
MEDIA = "media.tar"
MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new directory (see README, Backups)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="directory to create (default: backups/<UTC time>)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, output, database, **options):
        created = datetime.now(UTC)
        output = output or settings.BASE_DIR / "backups" / created.strftime("%Y%m%dT%H%M%SZ")
        if output.exists() and any(output.iterdir()):
            raise CommandError(f"{output} exists and is not empty.")
        output.mkdir(parents=True, exist_ok=True)

        # Counts first, dump second: rows written in between make the check after a restore
        # report a difference instead of hiding one. Stop writers for an exact pair.
        counts = pgtools.table_counts(database)
        pgtools.run("pg_dump", ["--format=custom", "--no-owner", "--file", str(output / DUMP)], database)

        media_root = Path(settings.MEDIA_ROOT)
        media_files = {}
        with tarfile.open(output / MEDIA, "w") as archive:
            if media_root.is_dir():
                for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                    name = path.relative_to(media_root).as_posix()
                    archive.add(path, arcname=name, recursive=False)
                    media_files[name] = sha256(path)

        manifest = {
            "created": created.isoformat(timespec="seconds"),
            "database": connections[database].settings_dict["NAME"],
            "server_version": pgtools.server_major_version(database),
            "tables": counts,
            "files": {DUMP: sha256(output / DUMP), MEDIA: sha256(output / MEDIA)},
            "media": media_files,
        }
        (output / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        self.stdout.write(
            f"Backup written to {output}: {len(counts)} tables, {sum(counts.values())} rows, "
            f"{len(media_files)} media files."
        )
