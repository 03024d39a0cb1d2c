"""``manage.py import_visits PATH [--dry-run]``: the JSON visit import for scripts."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from visits.json_import import MAX_BYTES, import_visits
from visits.json_import.reading import size_refusal


class Command(BaseCommand):
    help = (
        "Import visits with their itinerary, participants, findings and follow-ups from a JSON file "
        "(format: visits/json_import/__init__.py). All or nothing; exits with 1 on any error."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; save nothing.")

    def handle(self, *args, path, dry_run, **options):
        file = Path(path)
        try:
            if file.stat().st_size > MAX_BYTES:
                raise CommandError(size_refusal(file.stat().st_size))
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        report = import_visits(data, dry_run=dry_run)
        for error in report.errors:
            self.stderr.write(error)
        if not report.ok:
            raise CommandError(report.summary(), returncode=1)
        for line in report.visits:
            self.stdout.write(f"{line.slug}  {line.start_date}  {line.title}")
            for note in line.by_name:
                self.stdout.write(f"    {note}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
