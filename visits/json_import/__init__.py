"""Bulk import of visits from a JSON file: dry run first, all or nothing, errors per field.

The file (UTF-8, at most 5 MB) holds a list of visits, or ``{"visits": [...]}``. A visit is an
object with the fields of the visit form (only ``title``, ``kind`` and ``start_date`` are
required; ``status`` is ``draft`` unless given):

    title, slug, kind, status, start_date, end_date, date_precision, date_note, venue, city,
    region, country, language, purpose, summary, summary_en, report, source_citation,
    source_url, source_date, participants_count, tags (a list of names)

links to records already on file, each written as a slug or a name (a string), or explicitly
as ``{"slug": ...}`` or ``{"name": ...}``:

    organiser, project, hosts [...], delegation [...], instruments [...], and account_of (the
    visit on record that this one is another account of, by slug or exact title)

and its parts, each a list of objects:

    itinerary     [{day, date, position, host, place, country, description}]
                  (a dated stop without a day is counted from the visit's start date)
    participants  [{role, organisation | person_name | group, count, country, position}]
    findings      [{text, figure_label, value, unit, is_approximate, subject, position}]
    follow_ups    [{action, owner, due_date, due_precision, status}]

Dates are ISO (``2017-10-02``), countries ISO codes (``FR``) or English names, choices their
stored values (``study_visit``, ``delegate``, ``percent``). An example is in
``tests/visits/data/visits_example.json``.

Nothing is created but the visits and their parts: a name that is not on record is an error,
with the closest record when there is one, never a new organisation. Organisation names go
through the identity resolver (``clusters.identity``); see ``linking.py`` for when it links. A visit with the title and
start date of one on record is refused, naming the existing slug. Unknown fields are errors, so
a misspelt key is not silently dropped. Each error names the visit (its number in the file,
from 1, and title) and the field's path in it (list positions from 0, as in JSON paths):
``visit 3 ('Study tour'), itinerary[2].day: Days are counted from 1.``

Used by ``manage.py import_visits PATH [--dry-run]`` and the "Import visits (JSON)" admin page.
"""

from visits.json_import.reading import MAX_BYTES, FileRefused, read_visits
from visits.json_import.service import ImportReport, VisitLine, import_visits

__all__ = ["MAX_BYTES", "FileRefused", "ImportReport", "VisitLine", "import_visits", "read_visits"]
