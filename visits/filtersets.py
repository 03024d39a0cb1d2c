import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from clusters.models import Ecosystem, Organisation
from core.countries import country_choices
from core.filtering import Facet, FacetedFilterSet, SlugFilter
from core.languages import LANGUAGE_CHOICES
from visits.models import ItineraryStop, Participant, Visit

Project = Visit.project.field.related_model


def involved(organisation, visit) -> Q:
    """``organisation`` took part in ``visit`` in any role: organiser, host, delegation member,
    host of an itinerary stop, or listed participant. Both sides may be values or ``OuterRef``s;
    every branch is an ``EXISTS`` so no row is ever duplicated."""
    return (
        Exists(Visit.objects.filter(pk=visit, organiser=organisation))
        | Exists(Visit.hosts.through.objects.filter(visit=visit, organisation=organisation))
        | Exists(Visit.delegation.through.objects.filter(visit=visit, organisation=organisation))
        | Exists(ItineraryStop.objects.filter(visit=visit, host=organisation))
        | Exists(Participant.objects.filter(visit=visit, organisation=organisation))
    )


def involved_counts(filterset, base, limit: int) -> tuple[str, list]:
    """The "organisation involved" facet, counted from the link tables: every distinct (visit,
    organisation) pair of the ``base`` visits in any role of ``involved()``, counted per
    organisation; the top ``limit`` with slug and name. Reads the links of the filtered visits
    only, never every organisation."""
    ids = base.order_by().values("pk")
    links = [
        Visit.objects.filter(pk__in=ids, organiser__isnull=False).values_list("pk", "organiser_id"),
        Visit.hosts.through.objects.filter(visit__in=ids).values_list("visit_id", "organisation_id"),
        Visit.delegation.through.objects.filter(visit__in=ids).values_list("visit_id", "organisation_id"),
        ItineraryStop.objects.filter(visit__in=ids, host__isnull=False).values_list("visit_id", "host_id"),
        Participant.objects.filter(visit__in=ids, organisation__isnull=False).values_list(
            "visit_id", "organisation_id"
        ),
    ]
    parts, params = [], []
    for links_query in links:
        sql, part_params = links_query.order_by().query.sql_with_params()
        parts.append(f"({sql})")
        params += part_params
    organisation = Organisation._meta.db_table
    # UNION (not ALL) keeps each pair once, so COUNT(*) counts distinct visits.
    sql = (
        "SELECT o.slug AS facet_value, o.name AS facet_label, c.n AS facet_count FROM ("
        f"SELECT l.organisation_id, COUNT(*) AS n FROM ({' UNION '.join(parts)}) AS l(visit_id, organisation_id)"
        " GROUP BY l.organisation_id ORDER BY n DESC, l.organisation_id LIMIT %s"
        f") AS c JOIN {organisation} AS o ON o.id = c.organisation_id"
    )
    return sql, [*params, limit + 1]


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class VisitFilterSet(FacetedFilterSet):
    """Filters of the visit list; m2m filters go through ``EXISTS`` so rows never repeat."""

    kind = django_filters.ChoiceFilter(choices=Visit.Kind.choices, label=_("Kind"))
    year = YearFilter(field_name="start_date", lookup_expr="year", label=_("Year"), min_value=1900, max_value=2100)
    host_country = django_filters.ChoiceFilter(
        choices=country_choices, method="filter_host_country", label=_("Host country")
    )
    delegation_country = django_filters.ChoiceFilter(
        choices=country_choices, method="filter_delegation_country", label=_("Delegation from")
    )
    organisation = SlugFilter(
        queryset=Organisation.objects.all(), method="filter_organisation", label=_("Organisation involved")
    )
    project = SlugFilter(field_name="project", queryset=Project.objects.all(), label=_("Project"))
    ecosystem = SlugFilter(field_name="ecosystems", queryset=Ecosystem.objects.all(), label=_("Ecosystem"))
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, label=_("Report language"))

    facets = (
        Facet("kind"),
        Facet("year", ExtractYear("start_date"), limit=12, single=True),
        Facet("host_country", "hosts__country", limit=10),
        Facet("delegation_country", "delegation__country", limit=10),
        Facet("organisation", counts=involved_counts, limit=10),
        Facet("project", "project__slug", label_expression="project__name", limit=8),
        Facet("ecosystem", "ecosystems__slug", label_expression="ecosystems__name", limit=14),
        Facet("tag", "tags__slug", label_expression="tags__name", limit=15, adds=True),
        Facet("language"),
    )

    class Meta:
        model = Visit
        fields = []

    def filter_host_country(self, queryset, name, value):
        return queryset.filter(
            Exists(Visit.hosts.through.objects.filter(visit=OuterRef("pk"), organisation__country=value))
        )

    def filter_delegation_country(self, queryset, name, value):
        return queryset.filter(
            Exists(Visit.delegation.through.objects.filter(visit=OuterRef("pk"), organisation__country=value))
        )

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(involved(value.pk, OuterRef("pk")))
