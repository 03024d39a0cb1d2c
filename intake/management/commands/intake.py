"""``manage.py intake PATH --json``: what intake proposes for a report, for scripts and tests.
``--save`` saves the draft as the review page would with every line accepted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from intake.propose import propose
from intake.saving import save_draft
from intake.text.extract import MAX_BYTES, ExtractionError, extract_text


class Command(BaseCommand):
    help = "Propose a draft visit from a report (TXT, MD, HTML, PDF, DOCX, PPTX, ODT; '-' reads stdin)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The report's file, or '-' for standard input.")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--json", action="store_true", help="Print the proposal as JSON; save nothing (default).")
        mode.add_argument("--save", action="store_true", help="Save the draft visit and print its admin address.")

    def handle(self, *args, path: str, save: bool, **options):
        data, name = read(path)
        try:
            text = extract_text(data, name)
        except ExtractionError as error:
            raise CommandError(f"{name}: {error.message}") from None
        if not text.strip():
            raise CommandError(f"{name}: the report has no text.")
        proposal = propose(text, source=name)
        if not save:
            self.stdout.write(json.dumps(proposal.as_json(), ensure_ascii=False, indent=2))
            return
        try:
            visit = save_draft(proposal)
        except ValidationError as error:
            raise CommandError(f"{name}: nothing saved: {'; '.join(error.messages)}") from None
        self.stdout.write(reverse("admin:visits_visit_change", args=[visit.pk]))


def read(path: str) -> tuple[bytes, str]:
    """The report's bytes and the name to show, refusing what is too large before reading it all."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "stdin.txt"
    else:
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"{path}: no such file.")
        if file.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        data, name = file.read_bytes(), file.name
    if len(data) > MAX_BYTES:
        raise CommandError(f"{name}: the text is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    return data, name
