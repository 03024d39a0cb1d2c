"""One JSON visit to unsaved model instances, every error collected with its field path.

Each value goes through its model field (``to_python``), then every object through
``full_clean``, so an import refuses exactly what the admin form would, with the same messages.
"""

import difflib
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django_countries import countries
from django_countries.fields import CountryField

from visits.json_import.linking import Linker, LinkError
from visits.models import Finding, FollowUp, ItineraryStop, Participant, Visit

VISIT_FIELDS = (
    "title", "slug", "kind", "status", "start_date", "end_date", "date_precision", "date_note",
    "venue", "city", "region", "country", "language", "purpose", "summary", "summary_en", "report",
    "source_citation", "source_url", "source_date", "participants_count",
)  # fmt: skip
STOP_FIELDS = ("day", "date", "position", "place", "country", "description")
PARTICIPANT_FIELDS = ("role", "person_name", "position", "group", "count", "country")
FINDING_FIELDS = ("position", "text", "figure_label", "value", "unit", "is_approximate")
FOLLOW_UP_FIELDS = ("action", "due_date", "due_precision", "status")
# Keys whose value links to a record, with the linked field: organisations unless said otherwise.
VISIT_LINKS = {"organiser": "organiser", "project": "project", "account_of": "account_of"}
VISIT_MANY_LINKS = ("hosts", "delegation", "instruments")
PARTS = {
    # key in the file: (model, plain fields, {key: linked field})
    "itinerary": (ItineraryStop, STOP_FIELDS, {"host": "host"}),
    "participants": (Participant, PARTICIPANT_FIELDS, {"organisation": "organisation"}),
    "findings": (Finding, FINDING_FIELDS, {"subject": "subject"}),
    "follow_ups": (FollowUp, FOLLOW_UP_FIELDS, {"owner": "owner"}),
}


# The field a model constraint's message belongs under: the database checks rows, an editor
# fixes a field.
_CONSTRAINT_FIELDS = {
    "visit_end_after_start": "end_date",
    "visit_published_has_english_summary": "summary_en",
    "stop_day_from_one": "day",
    "finding_percent_range": "value",
    "finding_value_has_unit": "unit",
}


def _constraint_field(model, message: str) -> str:
    for constraint in model._meta.constraints:
        if constraint.name in _CONSTRAINT_FIELDS and constraint.get_violation_error_message() == message:
            return _CONSTRAINT_FIELDS[constraint.name]
    return ""


def _many_links() -> tuple[str, ...]:
    """The many-to-many links this version of the model has (``instruments`` came later)."""
    names = {f.name for f in Visit._meta.many_to_many}
    return tuple(name for name in VISIT_MANY_LINKS if name in names)


@dataclass
class BuiltVisit:
    """A visit read from the file, not saved yet, with its parts and the problems found."""

    visit: Visit
    links: dict[str, list] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    parts: dict[str, list[models.Model]] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    by_name: list[str] = field(default_factory=list)

    def error(self, path: str, message: str) -> None:
        self.errors.append((path, message))


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _country(value):
    """An ISO code in either case, or a country's English name, as the code."""
    if isinstance(value, str) and len(value.strip()) > 2:
        return countries.by_name(value.strip()) or value
    return value.upper() if isinstance(value, str) else value


def _set_values(built: BuiltVisit, instance, row: dict, names, prefix: str) -> set[str]:
    """Converts and sets the plain fields of ``instance``; returns the names that failed."""
    failed = set()
    for name in names:
        if name not in row:
            continue
        model_field = instance._meta.get_field(name)
        value = row[name]
        if isinstance(value, dict | list):
            built.error(_join(prefix, name), "expected a single value, not a list or an object")
            failed.add(name)
            continue
        if value is None and not model_field.null and isinstance(model_field, models.CharField | models.TextField):
            value = ""
        if isinstance(model_field, CountryField):
            value = _country(value)
        try:
            setattr(instance, model_field.attname, model_field.to_python(value))
        except ValidationError as error:
            built.error(_join(prefix, name), " ".join(error.messages))
            failed.add(name)
        except (TypeError, ValueError, OverflowError):
            built.error(_join(prefix, name), f"'{value}' is not a valid value")
            failed.add(name)
    return failed


def _link(built: BuiltVisit, linker: Linker, kind: str, value, path: str, *, country: str = ""):
    """The record ``value`` names, or None with the error noted under ``path``."""
    try:
        if kind == "project":
            record = linker.project(value)
        elif kind == "account_of":
            record = linker.visit(value)
        elif kind == "instruments":
            record = linker.instrument(value)
        else:
            record = linker.organisation(value, country=country)
    except LinkError as error:
        built.error(path, error.message)
        return None
    written = value if isinstance(value, str) else next(iter(value.values()))
    if written.strip() != record.slug:
        built.by_name.append(f"{path}: '{written.strip()}' is {record} ({record.slug})")
    return record


def _clean(built: BuiltVisit, instance, prefix: str, exclude: set[str]) -> None:
    try:
        instance.full_clean(exclude=sorted(exclude))
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                where = _constraint_field(type(instance), message) if name == NON_FIELD_ERRORS else name
                built.error(_join(prefix, where) if where else prefix, message)


def _check_keys(built: BuiltVisit, row: dict, allowed, prefix: str) -> None:
    for key in row:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else "; see the format in visits/json_import/__init__.py"
            built.error(_join(prefix, str(key)), "unknown field" + hint)


def _tags(built: BuiltVisit, value) -> list[str]:
    names = value.split(",") if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        built.error("tags", "expected a list of tag names")
        return []
    names = [name.strip() for name in names if name.strip()]
    for name in names:
        if len(name) > 100:
            built.error("tags", f"'{name[:40]}…' is longer than 100 characters")
    return list(dict.fromkeys(names))


def _build_part(built, linker, model, plain, linked, row, prefix, visit: Visit, index: int):
    instance = model(visit=visit)
    if not isinstance(row, dict):
        built.error(prefix, "expected an object")
        return None
    _check_keys(built, row, (*plain, *linked), prefix)
    failed = _set_values(built, instance, row, plain, prefix)
    for key, field_name in linked.items():
        if row.get(key) not in (None, ""):
            country = str(getattr(instance, "country", "") or "")
            record = _link(built, linker, key, row[key], _join(prefix, key), country=country)
            if record is None:
                failed.add(field_name)
            setattr(instance, field_name, record)
    if model is ItineraryStop:
        _fill_stop(instance, row, visit, built.parts["itinerary"])
    elif model is Finding and "position" not in row:
        instance.position = index
    _clean(built, instance, prefix, failed | {"visit"})
    return instance


def _fill_stop(stop: ItineraryStop, row: dict, visit: Visit, earlier: list[ItineraryStop]) -> None:
    """A dated stop without a day gets its day from the visit's start; a stop without a
    position comes after the earlier stops of its day."""
    if "day" not in row and stop.date and visit.start_date and stop.date >= visit.start_date:
        stop.day = (stop.date - visit.start_date).days + 1
    if "position" not in row:
        stop.position = sum(1 for other in earlier if other.day == stop.day)


def build_visit(row, linker: Linker) -> BuiltVisit:
    """The visit ``row`` describes, with its links, tags and parts, none of them saved."""
    built = BuiltVisit(Visit())
    if not isinstance(row, dict):
        built.error("", "expected an object with the visit's fields")
        return built
    many_links = _many_links()
    allowed = (*VISIT_FIELDS, *VISIT_LINKS, *many_links, "tags", *PARTS)
    _check_keys(built, row, allowed, "")
    visit = built.visit
    failed = _set_values(built, visit, row, VISIT_FIELDS, "")
    for key, field_name in VISIT_LINKS.items():
        if row.get(key) not in (None, ""):
            record = _link(built, linker, key, row[key], key)
            if record is None:
                failed.add(field_name)
            setattr(visit, field_name, record)
    if not visit.slug:
        failed.add("slug")
    _clean(built, visit, "", failed)
    for key in many_links:
        values = row.get(key) or []
        if not isinstance(values, list):
            built.error(key, "expected a list of slugs or names")
            continue
        # Hosts are most often in the country of the visit: a hint for names met in several.
        country = str(visit.country or "") if key == "hosts" else ""
        records = [_link(built, linker, key, v, f"{key}[{i}]", country=country) for i, v in enumerate(values)]
        built.links[key] = list(dict.fromkeys(record for record in records if record is not None))
    built.tags = _tags(built, row.get("tags") or [])
    for key, (model, plain, linked) in PARTS.items():
        built.parts[key] = []
        rows = row.get(key) or []
        if not isinstance(rows, list):
            built.error(key, "expected a list")
            continue
        for index, part_row in enumerate(rows):
            part = _build_part(built, linker, model, plain, linked, part_row, f"{key}[{index}]", visit, index)
            if part is not None:
                built.parts[key].append(part)
    return built
