import django_filters
from django import forms
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, Func, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clusters.languages import LANGUAGE_CHOICES
from clusters.models import Ecosystem, Organisation
from core.filtering import Facet, FacetedFilterSet, SlugFilter
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


def involved_slugs():
    """One row per organisation involved in the outer visit, as its slug (for the facet)."""
    slugs = Organisation.objects.filter(involved(OuterRef("pk"), OuterRef(OuterRef("pk")))).values("slug")
    return Func(ArraySubquery(slugs), function="unnest")


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class VisitFilterSet(FacetedFilterSet):
    """Filters of the visit list; m2m filters go through ``EXISTS`` so rows never repeat."""

    kind = django_filters.ChoiceFilter(choices=Visit.Kind.choices, label=_("Kind"))
    year = YearFilter(field_name="start_date", lookup_expr="year", label=_("Year"), min_value=1900, max_value=2100)
    host_country = django_filters.ChoiceFilter(choices=countries, method="filter_host_country", label=_("Host country"))
    delegation_country = django_filters.ChoiceFilter(
        choices=countries, method="filter_delegation_country", label=_("Delegation from")
    )
    organisation = SlugFilter(
        queryset=Organisation.objects.all(), method="filter_organisation", label=_("Organisation involved")
    )
    project = SlugFilter(field_name="project", queryset=Project.objects.all(), label=_("Project"))
    ecosystem = SlugFilter(field_name="ecosystems", queryset=Ecosystem.objects.all(), label=_("Ecosystem"))
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, label=_("Report language"))

    facets = (
        Facet("kind"),
        Facet("year", ExtractYear("start_date"), limit=12),
        Facet("host_country", "hosts__country", limit=10),
        Facet("delegation_country", "delegation__country", limit=10),
        Facet("organisation", involved_slugs(), limit=10),
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

    def facet_results(self, total):
        """The organisation facet counts slugs; label them with names (one query for the top few)."""
        results = super().facet_results(total)
        for result in results:
            if result.name == "organisation":
                names = dict(
                    Organisation.objects.filter(slug__in=[v.value for v in result.values]).values_list("slug", "name")
                )
                for v in result.values:
                    v.label = names.get(v.value, v.label)
        return results
