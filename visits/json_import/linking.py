"""Links of an imported visit to records already on file, by slug or by name.

An import never creates an organisation, a project or an instrument: a name that is not on
record is an error that says so, with the closest record when there is one, so that a typo
("Tehctera") cannot slip in as a new organisation.
"""

from django.db import models

from clusters.models import AlternativeName, Organisation
from core.text import fold


class LinkError(Exception):
    """A reference that does not lead to exactly one record; ``message`` says what to write instead."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _reference(value) -> tuple[str, str]:
    """("slug" or "name" or "", text) of a reference written as a string, {"slug": ...} or {"name": ...}."""
    if isinstance(value, str) and value.strip():
        return "", value.strip()
    if isinstance(value, dict) and len(value) == 1:
        ((key, text),) = value.items()
        if key in ("slug", "name") and isinstance(text, str) and text.strip():
            return key, text.strip()
    raise LinkError('expected a slug or a name, as a string or as {"slug": ...} or {"name": ...}')


def _label(record) -> str:
    return f"{record} ({record.slug})"


class Linker:
    """Finds linked records for one import, remembering what it found: a file names the same
    hosts again and again."""

    def __init__(self):
        self._found: dict[tuple, models.Model] = {}
        self._names: dict[type, dict[str, list]] = {}

    def organisation(self, value, *, country: str = "") -> Organisation:
        return self._find(Organisation, value, country=country)

    def project(self, value):
        return self._find(Organisation._meta.apps.get_model("funding", "Project"), value)

    def instrument(self, value):
        return self._find(Organisation._meta.apps.get_model("funding", "Instrument"), value)

    def _find(self, model, value, *, country: str = ""):
        how, text = _reference(value)
        key = (model, how, text, country)
        if key not in self._found:
            self._found[key] = self._lookup(model, how, text, country)
        return self._found[key]

    def _lookup(self, model, how: str, text: str, country: str):
        noun = model._meta.verbose_name
        if how in ("", "slug"):
            record = model._default_manager.filter(slug=text).first()
            if record is not None:
                return record
            if how == "slug":
                raise LinkError(f"no {noun} has the slug '{text}'")
        if model is Organisation:
            return self._organisation_by_name(text, country)
        matches = self._by_folded_name(model).get(fold(text), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            choices = ", ".join(_label(record) for record in matches)
            raise LinkError(f"'{text}' names several records ({choices}); use a slug")
        raise LinkError(f"'{text}' is not on record as a {noun}; add it first, or use its slug")

    def _organisation_by_name(self, text: str, country: str) -> Organisation:
        matches = self._by_folded_name(Organisation).get(fold(text), [])
        if country and len(matches) > 1:
            matches = [o for o in matches if o.country == country] or matches
        if len(matches) == 1:
            return matches[0]
        if matches:
            choices = ", ".join(_label(o) for o in matches)
            raise LinkError(f"'{text}' names several organisations ({choices}); use a slug")
        raise LinkError(f"'{text}' is not on record as an organisation; add it first, or use its slug")

    def _by_folded_name(self, model) -> dict[str, list]:
        """Records of ``model`` by folded name, acronym (and alternative name for organisations)."""
        if model not in self._names:
            index: dict[str, list] = {}
            records = {record.pk: record for record in model._default_manager.all()}
            names = [(record.pk, record.name) for record in records.values()]
            names += [(record.pk, record.acronym) for record in records.values() if record.acronym]
            if model is Organisation:
                names += list(AlternativeName.objects.values_list("organisation_id", "name"))
            for pk, name in names:
                bucket = index.setdefault(fold(name).strip(), [])
                if records[pk] not in bucket:
                    bucket.append(records[pk])
            self._names[model] = index
        return self._names[model]
