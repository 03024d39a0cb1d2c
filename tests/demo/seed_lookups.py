"""Lookups the demo-data tests share."""

from clusters.models import Organisation
from funding.models import Instrument, Project
from visits.models import Finding, Visit


def org(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug)


def visit(slug: str) -> Visit:
    return Visit.objects.get(slug=slug)


def instrument(slug: str) -> Instrument:
    return Instrument.objects.get(slug=slug)


def project(slug: str) -> Project:
    return Project.objects.get(slug=slug)


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


def countries(value) -> set[str]:
    return {c.code for c in value}


def finding(v: Visit, **lookup) -> Finding:
    return v.findings.get(**lookup)


def alt_names(o: Organisation) -> set[str]:
    return set(o.alternative_names.values_list("name", flat=True))
