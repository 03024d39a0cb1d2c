"""Links of an imported visit to records already on file, by slug or by name.

An import never creates an organisation, a project or an instrument: a name that is not on
record is an error that says so, with the closest records when there are some, so that a typo
("Tehctera") cannot slip in as a new organisation.

Organisations named by name go through the identity resolver (``clusters.identity``): a match
at ``LINK_SCORE`` or above links, unless the resolver only got there by correcting a typo. An
import has no review line by line, and a slip of one letter may well be another organisation
("Clib 2021" and "Clib 2022"), so a typo is an error that names the record meant, and the file
is corrected to its slug or name. Projects and instruments are few and have no resolver: their
name or acronym must match, accents and case aside.
"""

from django.db import models

from clusters.identity import LINK_SCORE, resolve
from clusters.models import Organisation
from core.text import fold

# Longer than any name on record (200): not a name, and not worth a query.
MAX_NAME = 300
# Two matches closer than this, both safe to link, leave the choice to the file's author.
_TIE = 0.05


class LinkError(Exception):
    """A reference that does not lead to exactly one record; ``message`` says what to write instead."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _short(text: str) -> str:
    if len(text) > MAX_NAME:
        raise LinkError(f"'{text[:40]}…' is too long for a slug or a name ({len(text)} characters)")
    return text


def _reference(value) -> tuple[str, str]:
    """("slug" or "name" or "", text) of a reference written as a string, {"slug": ...} or {"name": ...}."""
    if isinstance(value, str) and value.strip():
        return "", _short(value.strip())
    if isinstance(value, dict) and len(value) == 1:
        ((key, text),) = value.items()
        if key in ("slug", "name") and isinstance(text, str) and text.strip():
            return key, _short(text.strip())
    raise LinkError('expected a slug or a name, as a string or as {"slug": ...} or {"name": ...}')


def _label(record) -> str:
    return f"{getattr(record, 'name', None) or record} ({record.slug})"


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

    def visit(self, value):
        """A visit on record by slug or by its exact title (for ``account_of``)."""
        return self._find(Organisation._meta.apps.get_model("visits", "Visit"), value)

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
        article = "an" if noun[:1] in "aeiou" else "a"
        raise LinkError(f"'{text}' is not on record as {article} {noun}; add it first, or use its slug")

    def _organisation_by_name(self, text: str, country: str) -> Organisation:
        matches = resolve(text, country=country, limit=3)
        if not matches:
            raise LinkError(f"'{text}' is not on record as an organisation; add it first, or use its slug")
        best = matches[0]
        safe = [m for m in matches if m.score >= LINK_SCORE and m.reason != "typo"]
        if best in safe:
            rivals = [m for m in safe[1:] if best.score - m.score < _TIE]
            if not rivals:
                return best.organisation
            choices = " or ".join(_label(m.organisation) for m in [best, *rivals])
            raise LinkError(f"'{text}' may be {choices}; use the slug of the one meant")
        choices = " or ".join(_label(m.organisation) for m in matches)
        raise LinkError(f"'{text}' is not on record; did you mean {choices}? use its slug")

    def _by_folded_name(self, model) -> dict[str, list]:
        """Records of ``model`` by folded name and acronym."""
        if model not in self._names:
            index: dict[str, list] = {}
            for record in model._default_manager.all():
                names = [getattr(record, "title", ""), getattr(record, "name", ""), getattr(record, "acronym", "")]
                for name in {fold(name).strip() for name in names} - {""}:
                    index.setdefault(name, []).append(record)
            self._names[model] = index
        return self._names[model]
