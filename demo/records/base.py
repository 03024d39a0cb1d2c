"""The machinery behind the demo data set: idempotent, validated upserts keyed on natural keys.

Every row goes through ``full_clean()`` before it is written, and a row whose stored values
already match is not written again, so ``load_demo`` can run any number of times.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import models
from django_countries.fields import CountryField

from clusters.models import AlternativeName, ContactPerson, Ecosystem, Label, Membership, Organisation
from funding.models import Call, Eligibility, Instrument, Project, ProjectPartner
from visits.models import Finding, FollowUp, ItineraryStop, Participant, Visit

# Shorthands for alternative-name kinds, used by the data modules.
ACRONYM = AlternativeName.Kind.ACRONYM
TRANSLATION = AlternativeName.Kind.TRANSLATION
SCRIPT = AlternativeName.Kind.TRANSLITERATION
SPELLING = AlternativeName.Kind.SPELLING

# Child rows that belong to a demo parent; rows the loader no longer writes are removed, so an
# edit of the data modules (a renamed finding, a dropped stop) never leaves stale rows behind.
CHILDREN: list[tuple[type[models.Model], str, type[models.Model]]] = [
    (AlternativeName, "organisation", Organisation),
    (Label, "organisation", Organisation),
    (ContactPerson, "organisation", Organisation),
    (Membership, "group", Organisation),
    (ItineraryStop, "visit", Visit),
    (Participant, "visit", Visit),
    (Finding, "visit", Visit),
    (FollowUp, "visit", Visit),
    (Eligibility, "instrument", Instrument),
    (ProjectPartner, "project", Project),
]


class DemoLoader:
    """Writes the demo records and remembers what it wrote."""

    def __init__(self) -> None:
        self.touched: dict[type[models.Model], set[int]] = defaultdict(set)
        self.created: Counter[str] = Counter()
        self.updated: Counter[str] = Counter()
        self.deleted: Counter[str] = Counter()
        self._ecosystems = {e.slug: e for e in Ecosystem.objects.all()}

    # -- generic -------------------------------------------------------------------------------

    def upsert(self, model: type[models.Model], lookup: dict, **values) -> models.Model:
        """Create or update the row of ``model`` matching ``lookup``; validate it before saving."""
        obj = model._default_manager.filter(**lookup).first()
        created = obj is None
        if created:
            obj = model(**lookup)
        changed = created
        for name, value in values.items():
            field = model._meta.get_field(name)
            if isinstance(field, CountryField) and field.multiple:
                value = sorted(value)
            if isinstance(field, models.ForeignKey):
                current, wanted = getattr(obj, field.attname), (value.pk if value is not None else None)
            else:
                current, wanted = getattr(obj, name), value
            if created or current != wanted:
                setattr(obj, name, value)
                changed = True
        if changed:
            obj.full_clean()
            obj.save()
            (self.created if created else self.updated)[model.__name__] += 1
        self.touched[model].add(obj.pk)
        return obj

    def ecosystems(self, *slugs: str) -> list[Ecosystem]:
        missing = [s for s in slugs if s not in self._ecosystems]
        if missing:
            raise LookupError(f"Unknown ecosystems: {', '.join(missing)}")
        return [self._ecosystems[s] for s in slugs]

    def relate(self, obj: models.Model, *, tags: Iterable[str] = (), ecosystems: Iterable[str] = (), **m2m) -> None:
        """Set tags, ecosystems and other plain many-to-many fields to exactly the given values."""
        obj.tags.set(list(tags))
        obj.ecosystems.set(self.ecosystems(*ecosystems))
        for name, values in m2m.items():
            getattr(obj, name).set(list(values))

    def prune(self) -> None:
        """Delete child rows of demo parents that this run did not write."""
        for child, parent_field, parent in CHILDREN:
            stale = child._default_manager.filter(**{f"{parent_field}__in": self.touched[parent]}).exclude(
                pk__in=self.touched[child]
            )
            count, _ = stale.delete()
            if count:
                self.deleted[child.__name__] += count

    # -- organisations ---------------------------------------------------------------------------

    def org(
        self,
        slug: str,
        name: str,
        kind: str,
        *,
        alt: Iterable[tuple[str, str, str]] = (),
        tags: Iterable[str] = (),
        ecosystems: Iterable[str] = (),
        contacts: Iterable[dict] = (),
        **values,
    ) -> Organisation:
        """An organisation with its alternative names ``(name, kind, language)``, tags,
        ecosystems and contact persons."""
        o = self.upsert(Organisation, {"slug": slug}, name=name, kind=kind, **values)
        for alt_name, alt_kind, language in alt:
            self.upsert(AlternativeName, {"organisation": o, "name": alt_name}, kind=alt_kind, language=language)
        for contact in contacts:
            contact = dict(contact)
            self.upsert(ContactPerson, {"organisation": o, "name": contact.pop("name")}, **contact)
        self.relate(o, tags=tags, ecosystems=ecosystems)
        return o

    def get_org(self, slug: str) -> Organisation:
        return Organisation.objects.get(slug=slug)

    def member(self, group: Organisation, member: Organisation, role: str = "member", **values) -> Membership:
        return self.upsert(Membership, {"group": group, "member": member, "role": role}, **values)

    def label(self, organisation: Organisation, kind: str, name: str = "", **values) -> Label:
        return self.upsert(Label, {"organisation": organisation, "kind": kind, "name": name}, **values)

    # -- visits --------------------------------------------------------------------------------

    def visit(
        self,
        slug: str,
        *,
        tags: Iterable[str] = (),
        ecosystems: Iterable[str] = (),
        delegation: Iterable[Organisation] = (),
        hosts: Iterable[Organisation] = (),
        **values,
    ) -> Visit:
        values.setdefault("status", Visit.Status.PUBLISHED)
        v = self.upsert(Visit, {"slug": slug}, **values)
        self.relate(v, tags=tags, ecosystems=ecosystems, delegation=delegation, hosts=hosts)
        return v

    def stop(self, visit: Visit, day: int, position: int = 0, **values) -> ItineraryStop:
        return self.upsert(ItineraryStop, {"visit": visit, "day": day, "position": position}, **values)

    def participant(
        self,
        visit: Visit,
        role: str,
        *,
        organisation: Organisation | None = None,
        person_name: str = "",
        group: str = "",
        **values,
    ) -> Participant:
        key = {"visit": visit, "role": role, "organisation": organisation, "person_name": person_name, "group": group}
        return self.upsert(Participant, key, **values)

    def findings(self, visit: Visit, rows: Iterable[dict]) -> list[Finding]:
        """Findings of a visit, numbered in the given order. Each row: text, and optionally
        subject, figure_label, value, unit, is_approximate."""
        out = []
        for position, row in enumerate(rows, start=1):
            row = {"subject": None, "figure_label": "", "value": None, "unit": "", "is_approximate": False, **row}
            out.append(self.upsert(Finding, {"visit": visit, "position": position}, **row))
        return out

    def follow_up(self, visit: Visit, action: str, **values) -> FollowUp:
        return self.upsert(FollowUp, {"visit": visit, "action": action}, **values)

    # -- funding -------------------------------------------------------------------------------

    def instrument(
        self,
        slug: str,
        *,
        eligibilities: Iterable[tuple[str, str]] = (),
        tags: Iterable[str] = (),
        ecosystems: Iterable[str] = (),
        **values,
    ) -> Instrument:
        """An instrument with its eligible beneficiary types ``(type, note)``."""
        i = self.upsert(Instrument, {"slug": slug}, **values)
        for beneficiary_type, note in eligibilities:
            self.upsert(Eligibility, {"instrument": i, "beneficiary_type": beneficiary_type}, note=note)
        self.relate(i, tags=tags, ecosystems=ecosystems)
        return i

    def call(self, slug: str, *, tags: Iterable[str] = (), **values) -> Call:
        c = self.upsert(Call, {"slug": slug}, **values)
        c.tags.set(list(tags))
        return c

    def project(
        self,
        slug: str,
        *,
        partners: Iterable[dict] = (),
        tags: Iterable[str] = (),
        ecosystems: Iterable[str] = (),
        **values,
    ) -> Project:
        """A project with its partners: dicts with organisation and optionally role,
        partner_code, responsibility."""
        p = self.upsert(Project, {"slug": slug}, **values)
        for link in partners:
            link = {"role": ProjectPartner.Role.PARTNER, "partner_code": "", "responsibility": "", **link}
            self.upsert(ProjectPartner, {"project": p, "organisation": link.pop("organisation")}, **link)
        self.relate(p, tags=tags, ecosystems=ecosystems)
        return p
