"""The import itself: every visit of a file saved in one transaction, or none.

A dry run does the same work, saves included (so that slugs, the duplicate guard within the
file and the database constraints are exercised exactly), inside a transaction that is then
rolled back.
"""

from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.text import fold
from visits.json_import.building import PARTS, BuiltVisit, build_visit
from visits.json_import.linking import Linker
from visits.json_import.reading import FileRefused, read_visits
from visits.models import Visit

# Counted in the summary, in this order: (key of BuiltVisit.parts, its count in words).
_COUNTED = [
    ("itinerary", lambda n: ngettext("%(n)d stop", "%(n)d stops", n) % {"n": n}),
    ("participants", lambda n: ngettext("%(n)d participant", "%(n)d participants", n) % {"n": n}),
    ("findings", lambda n: ngettext("%(n)d finding", "%(n)d findings", n) % {"n": n}),
    ("follow_ups", lambda n: ngettext("%(n)d follow-up", "%(n)d follow-ups", n) % {"n": n}),
]


@dataclass
class VisitLine:
    """What one visit of the file became (or would become)."""

    number: int
    title: str
    slug: str
    start_date: object
    counts: dict[str, int]
    by_name: list[str]


@dataclass
class ImportReport:
    """The outcome of an import or a dry run: the visits, or the errors and nothing saved."""

    dry_run: bool
    visits: list[VisitLine] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def totals(self) -> dict[str, int]:
        return {key: sum(line.counts[key] for line in self.visits) for key, _words in _COUNTED}

    def summary(self) -> str:
        """E.g. "3 visits, 7 stops, 12 participants, 0 findings, 1 follow-up would be created"."""
        if not self.ok:
            n = len(self.errors)
            return ngettext("Nothing imported: %(n)d error.", "Nothing imported: %(n)d errors.", n) % {"n": n}
        totals = self.totals()
        n = len(self.visits)
        parts = [ngettext("%(n)d visit", "%(n)d visits", n) % {"n": n}]
        parts += [words(totals[key]) for key, words in _COUNTED]
        counted = ", ".join(parts)
        if self.dry_run:
            return _("%(counted)s would be created.") % {"counted": counted}
        return _("%(counted)s created.") % {"counted": counted}


def _name(number: int, row) -> str:
    title = row.get("title") if isinstance(row, dict) else None
    return f"visit {number} ('{title}')" if isinstance(title, str) and title.strip() else f"visit {number}"


def _check_duplicate(built: BuiltVisit) -> None:
    """A visit with the same title and start date as one on record (or earlier in the file,
    saved by then) is refused: importing a file twice must not double its visits."""
    visit = built.visit
    if not visit.title or not visit.start_date:
        return
    title = fold(visit.title).strip()
    for slug, other in Visit.objects.filter(start_date=visit.start_date).values_list("slug", "title"):
        if fold(other).strip() == title:
            built.error("title", f"a visit with this title and start date is already on record: {slug}")
            return


def _save(built: BuiltVisit) -> None:
    visit = built.visit
    visit.save()
    for name, records in built.links.items():
        getattr(visit, name).set(records)
    if built.tags:
        visit.tags.set(built.tags)
    for parts in built.parts.values():
        for part in parts:
            part.visit = visit
            part.save()


def _import_one(built: BuiltVisit) -> None:
    """Saves ``built`` in a savepoint; a refusal by the database becomes an error of the visit."""
    try:
        with transaction.atomic():
            _save(built)
    except DatabaseError as error:
        built.error("", f"the database refused it: {str(error).splitlines()[0]}")


def import_visits(data: bytes, *, dry_run: bool = False) -> ImportReport:
    """Imports the visits of the JSON file ``data``; nothing is saved when any visit has an
    error or when ``dry_run``. The format is described in ``visits.json_import``."""
    report = ImportReport(dry_run=dry_run)
    try:
        rows = read_visits(data)
    except FileRefused as refusal:
        report.errors.append(refusal.message)
        return report
    linker = Linker()
    with transaction.atomic():
        for number, row in enumerate(rows, start=1):
            built = build_visit(row, linker)
            if not built.errors:
                _check_duplicate(built)
            if not built.errors:
                _import_one(built)
            name = _name(number, row)
            report.errors += [
                f"{name}, {path}: {message}" if path else f"{name}: {message}" for path, message in built.errors
            ]
            if not built.errors:
                report.visits.append(
                    VisitLine(
                        number=number,
                        title=built.visit.title,
                        slug=built.visit.slug,
                        start_date=built.visit.start_date,
                        counts={key: len(built.parts.get(key, [])) for key in PARTS},
                        by_name=built.by_name,
                    )
                )
        if dry_run or report.errors:
            transaction.set_rollback(True)
    return report
