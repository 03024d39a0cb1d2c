"""Filters of the funding lists: instruments, calls and projects."""

import datetime

import django_filters
from django import forms
from django.db.models import Case, Exists, F, Func, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import Organisation
from core.countries import country_choices
from core.filtering import AnyOfFilter, Facet, FacetedFilterSet, SlugFilter
from funding.models import BeneficiaryType, Call, CallStatus, Eligibility, Instrument, Project

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def country_codes(path: str) -> Func:
    """One row per code of a comma-separated countries field, so a facet counts them in SQL."""
    return Func(Func(F(path), Value(","), function="string_to_array"), function="unnest")


class EligibleCountryMixin:
    """``country``: instruments open to applicants from that country. An instrument with no
    eligible countries is open to every country, so it matches any country and counts in every
    country's facet value (the counts equal what clicking shows)."""

    country_path = "eligible_countries"

    def filter_country(self, queryset, name, value):
        # Two-letter codes joined by commas: containment of the code is an exact match.
        condition = Q(**{self.country_path: ""})
        for code in value:
            condition |= Q(**{f"{self.country_path}__contains": code})
        return queryset.filter(condition)

    def _facet_result(self, facet, rows, limit):
        if facet.name == "country" and rows:
            unrestricted = self.queryset_without("country").filter(**{self.country_path: ""}).count()
            present = {row[0] for row in rows}
            rows = [*rows, *((code, None, 0, None) for code in self.selected("country") if code not in present)]
            rows = [(value, label, count + unrestricted, in_all) for value, label, count, in_all in rows]
        return super()._facet_result(facet, rows, limit)


def effective_rate(prefix: str = ""):
    """An eligibility's co-funding rate, or its instrument's when the row has none."""
    return Coalesce(f"{prefix}co_funding_rate", f"{prefix}instrument__co_funding_rate")


def beneficiary_expression(filterset):
    # With a rate range, a beneficiary type counts only where its rate is in the range.
    condition = filterset.rate_condition("eligibilities__co_funding_rate", "co_funding_rate")
    if condition is None:
        return F("eligibilities__beneficiary_type")
    return Case(When(condition, then=F("eligibilities__beneficiary_type")))


class InstrumentFilterSet(EligibleCountryMixin, FacetedFilterSet):
    """Filters of the instrument list; the queryset comes from ``Instrument.objects.for_list()``."""

    kind = AnyOfFilter(choices=Instrument.Kind.choices, label=_("Kind"))
    level = AnyOfFilter(choices=Instrument.Level.choices, label=_("Level"))
    managing_body = SlugFilter(
        field_name="managing_body", queryset=Organisation.objects.all(), label=_("Managing body")
    )
    country = AnyOfFilter(choices=country_choices, method="filter_country", label=_("Eligible country"))
    beneficiary = AnyOfFilter(choices=BeneficiaryType.choices, method="filter_beneficiary", label=_("Beneficiary type"))
    rate_min = django_filters.NumberFilter(
        method="filter_rate", label=_("Co-funding rate from (%)"), min_value=0, max_value=100
    )
    rate_max = django_filters.NumberFilter(
        method="filter_rate", label=_("Co-funding rate up to (%)"), min_value=0, max_value=100
    )
    status = AnyOfFilter(choices=Instrument.Status.choices, label=_("Status as last reported"))
    has_open_call = AnyOfFilter(choices=YES_NO, method="filter_has_open_call", label=_("Open call"))

    facets = (
        Facet("has_open_call", Case(When(has_open_call=True, then=Value("yes")), default=Value("no")), single=True),
        Facet("beneficiary", beneficiary_expression),
        Facet("country", country_codes("eligible_countries"), limit=12),
        Facet("kind"),
        Facet("level"),
        Facet("status"),
        Facet("managing_body", "managing_body__slug", label_expression="managing_body__name", limit=8),
        Facet("tag", "tags__slug", label_expression="tags__name", limit=12, adds=True),
    )

    class Meta:
        model = Instrument
        fields = []

    _without = None

    def queryset_without(self, name):
        # The beneficiary facet counts every type, so the rate range must not pin the chosen one.
        self._without = name
        try:
            return super().queryset_without(name)
        finally:
            self._without = None

    def chosen_beneficiary(self):
        return None if self._without == "beneficiary" else self.form.cleaned_data.get("beneficiary") or None

    def rate_condition(self, rate_path: str, fallback_path: str) -> Q | None:
        """Rows whose rate (``rate_path``, else ``fallback_path``) lies in the chosen range."""
        low, high = self.form.cleaned_data.get("rate_min"), self.form.cleaned_data.get("rate_max")
        if low is None and high is None:
            return None
        condition = Q()
        for bound, lookup in ((low, "gte"), (high, "lte")):
            if bound is not None:
                condition &= Q(**{f"{rate_path}__{lookup}": bound}) | Q(
                    **{f"{rate_path}__isnull": True, f"{fallback_path}__{lookup}": bound}
                )
        return condition

    def filter_beneficiary(self, queryset, name, value):
        return queryset.filter(
            Exists(Eligibility.objects.filter(instrument=OuterRef("pk"), beneficiary_type__in=value))
        )

    def filter_rate(self, queryset, name, value):
        """The rate of the chosen beneficiary type (its eligibility row's, else the instrument's).
        Without a type: any type's rate, or the instrument's own when it lists no type. Both
        bounds are applied together, so ``rate_min`` and ``rate_max`` read one row."""
        if name == "rate_max" and self.form.cleaned_data.get("rate_min") is not None:
            return queryset  # already applied by rate_min
        condition = self.rate_condition("co_funding_rate", "instrument__co_funding_rate")
        rows = Eligibility.objects.filter(condition, instrument=OuterRef("pk"))
        if beneficiary := self.chosen_beneficiary():
            return queryset.filter(Exists(rows.filter(beneficiary_type__in=beneficiary)))
        own = self.rate_condition("co_funding_rate", "co_funding_rate")
        no_rows = ~Exists(Eligibility.objects.filter(instrument=OuterRef("pk")))
        return queryset.filter(Exists(rows) | (own & no_rows))

    def filter_has_open_call(self, queryset, name, value):
        return queryset.filter(has_open_call__in=[v == "yes" for v in value])


class CallFilterSet(EligibleCountryMixin, FacetedFilterSet):
    """Filters of the call list; the queryset comes from ``Call.objects.for_list()``."""

    country_path = "instrument__eligible_countries"

    status = AnyOfFilter(choices=CallStatus.choices, field_name="call_status", label=_("Status"))
    instrument = SlugFilter(field_name="instrument", queryset=Instrument.objects.all(), label=_("Instrument"))
    country = AnyOfFilter(choices=country_choices, method="filter_country", label=_("Eligible country"))
    beneficiary = AnyOfFilter(choices=BeneficiaryType.choices, method="filter_beneficiary", label=_("Open to"))
    deadline_after = django_filters.DateFilter(
        field_name="deadline",
        lookup_expr="gte",
        label=_("Deadline from"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    deadline_before = django_filters.DateFilter(
        field_name="deadline",
        lookup_expr="lte",
        label=_("Deadline until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    closing_within = django_filters.NumberFilter(
        method="filter_closing_within", label=_("Closing within (days)"), min_value=0, max_value=3660
    )

    facets = (
        Facet("status", "call_status"),
        Facet("instrument", "instrument__slug", label_expression="instrument__name", limit=10),
        Facet("beneficiary", "instrument__eligibilities__beneficiary_type"),
        Facet("country", country_codes("instrument__eligible_countries"), limit=12),
        Facet("tag", "tags__slug", label_expression="tags__name", limit=12, adds=True),
    )

    class Meta:
        model = Call
        fields = []

    def filter_beneficiary(self, queryset, name, value):
        """Calls whose instrument lists that beneficiary type among its eligibilities."""
        return queryset.filter(
            Exists(Eligibility.objects.filter(instrument=OuterRef("instrument"), beneficiary_type__in=value))
        )

    def filter_closing_within(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=int(value)))


class ProjectFilterSet(FacetedFilterSet):
    """Filters of the project list; the queryset comes from ``Project.objects.for_list()``."""

    instrument = SlugFilter(field_name="instrument", queryset=Instrument.objects.all(), label=_("Funded by"))
    programme = SlugFilter(field_name="programme", queryset=Instrument.objects.all(), label=_("Programme"))
    funder = SlugFilter(field_name="funder", queryset=Organisation.objects.all(), label=_("Funder"))
    # Two-letter codes joined by commas: containment of the code is an exact match.
    country = AnyOfFilter(
        field_name="partner_countries", lookup_expr="contains", choices=country_choices, label=_("Partner country")
    )

    facets = (
        Facet("instrument", "instrument__slug", label_expression="instrument__name", limit=10),
        Facet("programme", "programme__slug", label_expression="programme__name", limit=10),
        Facet("funder", "funder__slug", label_expression="funder__name", limit=10),
        Facet("country", country_codes("partner_countries"), limit=12),
        Facet("tag", "tags__slug", label_expression="tags__name", limit=12, adds=True),
    )

    class Meta:
        model = Project
        fields = []
