import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from clusters.models import Ecosystem, Organisation
from clusters.reference import ecosystem_name
from core.countries import country_choices
from core.filtering import AnyOfFilter, Facet, FacetedFilterSet, SlugFilter
from core.languages import LANGUAGE_CHOICES
from visits.models import Visit

Project = Visit.project.field.related_model


def involved_counts(filterset, base, limit: int, first: list[str]) -> tuple[str, list]:
    """The "organisation involved" facet: per organisation, how many of the ``base`` visits it
    took part in under the participation rule (``VisitQuerySet.involved_counts_sql``)."""
    return base.involved_counts_sql(limit, drafts=_is_staff(filterset), first=first)


def _is_staff(filterset) -> bool:
    """Whether the reader may see drafts, so that draft accounts of an event count for it."""
    user = getattr(filterset.request, "user", None)
    return bool(user and user.is_staff)


def delegation_country_counts(filterset, base, limit: int, first: list[str]) -> tuple[str, list]:
    """The "delegation from" facet, counted groups with a country included
    (``VisitQuerySet.delegation_country_counts_sql``)."""
    return base.delegation_country_counts_sql(limit, first=first)


class VisitFilterForm(forms.Form):
    """Refuses a period that ends before it starts (both dates are then ignored and reported)."""

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("date_from"), cleaned.get("date_to")
        if low and high and low > high:
            message = _("The period starts (%(start)s) after it ends (%(end)s).") % {
                "start": low.isoformat(),
                "end": high.isoformat(),
            }
            self.add_error("date_from", message)
            self.add_error("date_to", message)
        return cleaned


class VisitFilterSet(FacetedFilterSet):
    """Filters of the visit list; m2m filters go through ``EXISTS`` so rows never repeat."""

    kind = AnyOfFilter(choices=Visit.Kind.choices, label=_("Kind"))
    year = AnyOfFilter(
        field_name="start_date__year", child=forms.IntegerField(min_value=1900, max_value=2100), label=_("Year")
    )
    date_from = django_filters.DateFilter(
        method="filter_dates", label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        method="filter_dates", label=_("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    host_country = AnyOfFilter(choices=country_choices, method="filter_host_country", label=_("Host country"))
    delegation_country = AnyOfFilter(
        choices=country_choices, method="filter_delegation_country", label=_("Delegation from")
    )
    organisation = SlugFilter(
        queryset=Organisation.objects.all(), method="filter_organisation", label=_("Organisation involved")
    )
    project = SlugFilter(field_name="project", queryset=Project.objects.all(), label=_("Project"))
    ecosystem = SlugFilter(queryset=Ecosystem.objects.all(), method="filter_ecosystem", label=_("Ecosystem"))
    language = AnyOfFilter(choices=LANGUAGE_CHOICES, label=_("Report language"))

    facets = (
        Facet("kind"),
        Facet("year", ExtractYear("start_date"), limit=12, single=True, newest_first=True),
        Facet("host_country", "hosts__country", limit=10),
        Facet("delegation_country", counts=delegation_country_counts, limit=10),
        Facet("organisation", counts=involved_counts, limit=10),
        Facet("project", "project__slug", label_expression="project__name", limit=8),
        Facet("ecosystem", "ecosystems__slug", label_expression="ecosystems__name", limit=14, display=ecosystem_name),
        Facet("tag", "tags__slug", label_expression="tags__name", limit=15, adds=True),
        Facet("language"),
    )

    class Meta:
        model = Visit
        fields = []
        form = VisitFilterForm

    def filter_host_country(self, queryset, name, value):
        return queryset.filter(
            Exists(Visit.hosts.through.objects.filter(visit=OuterRef("pk"), organisation__country__in=value))
        )

    def filter_delegation_country(self, queryset, name, value):
        return queryset.from_country(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.involving([organisation.pk for organisation in value], drafts=_is_staff(self))

    def filter_ecosystem(self, queryset, name, value):
        # One ecosystem: a join (a row links an ecosystem once), cheaper to plan than EXISTS.
        if len(value) == 1:
            return queryset.filter(ecosystems=value[0])
        return queryset.filter(
            Exists(Visit.ecosystems.through.objects.filter(visit=OuterRef("pk"), ecosystem__in=value))
        )

    def filter_dates(self, queryset, name, value):
        """Visits overlapping the period from ``date_from`` to ``date_to`` (either may be open):
        one not ending before it starts (a visit without an end date lasts its start day) and
        not starting after it ends. Both bounds are applied together, by ``date_from``'s turn
        when it is given; a period ending before it starts is refused in ``form.clean``."""
        low, high = self.form.cleaned_data.get("date_from"), self.form.cleaned_data.get("date_to")
        if name == "date_to" and low is not None:
            return queryset  # applied with date_from
        if low is not None:
            queryset = queryset.filter(Q(end_date__gte=low) | Q(end_date__isnull=True, start_date__gte=low))
        if high is not None:
            queryset = queryset.filter(start_date__lte=high)
        return queryset
