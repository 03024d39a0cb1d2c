import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from clusters.models import Ecosystem, Organisation
from core.countries import country_choices
from core.filtering import Facet, FacetedFilterSet, SlugFilter
from core.languages import LANGUAGE_CHOICES
from visits.models import Visit

Project = Visit.project.field.related_model


def involved_counts(filterset, base, limit: int) -> tuple[str, list]:
    """The "organisation involved" facet: per organisation, how many of the ``base`` visits it
    took part in under the participation rule (``VisitQuerySet.involved_counts_sql``)."""
    return base.involved_counts_sql(limit, drafts=_is_staff(filterset))


def _is_staff(filterset) -> bool:
    """Whether the reader may see drafts, so that draft accounts of an event count for it."""
    user = getattr(filterset.request, "user", None)
    return bool(user and user.is_staff)


def delegation_country_counts(filterset, base, limit: int) -> tuple[str, list]:
    """The "delegation from" facet, counted groups with a country included
    (``VisitQuerySet.delegation_country_counts_sql``)."""
    return base.delegation_country_counts_sql(limit)


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
        Facet("delegation_country", counts=delegation_country_counts, limit=10),
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
        return queryset.from_country(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.involving(value, drafts=_is_staff(self))
