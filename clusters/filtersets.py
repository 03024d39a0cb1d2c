import django_filters
from django import forms
from django.db.models import Case, Exists, F, Func, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import Ecosystem, Label, Organisation
from clusters.reference import ecosystem_name, region_name
from core.countries import country_choices
from core.filtering import AnyOfFilter, Facet, FacetedFilterSet, SlugFilter

SIZE_BANDS = [("1-49", _("1–49 members")), ("50-249", _("50–249 members")), ("250+", _("250 members or more"))]
SIZE_BANDS.append(("unknown", _("Not known")))
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def valid_label_condition(prefix: str = "") -> Q:
    """A label still valid today: no end date, or one not yet passed."""
    today = timezone.localdate()
    return Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": today})


def label_kind_expression(filterset):
    # With "still valid" chosen, an expired label must not count for its kind.
    if filterset.form.cleaned_data.get("label_valid") == "yes":
        return Case(When(valid_label_condition("labels__"), then=F("labels__kind")))
    return F("labels__kind")


def ecosystem_counts(filterset, base, limit: int, first: list[str]) -> tuple[str, list]:
    """The ecosystem facet from ``Organisation.ecosystem_ids`` (each id once per organisation),
    with each ecosystem's slug and name: no pass over the link table. The slugs ``first`` first."""
    ids_sql, params = base.order_by().values("ecosystem_ids").query.sql_with_params()
    sql = (
        "SELECT e.slug AS facet_value, e.name AS facet_label, c.n AS facet_count,"
        " COUNT(*) OVER () AS facet_values FROM ("
        f"SELECT u.id, COUNT(*) AS n FROM ({ids_sql}) AS b(ids) CROSS JOIN LATERAL unnest(b.ids) AS u(id)"
        f" GROUP BY u.id) AS c JOIN {Ecosystem._meta.db_table} AS e ON e.id = c.id"
        " ORDER BY e.slug = ANY(%s) DESC, c.n DESC, e.slug LIMIT %s"
    )
    return sql, [*params, list(first), limit + 1]


class OrganisationFilterSet(FacetedFilterSet):
    """Filters of the organisation lists. The queryset must come from ``for_list()``, whose
    annotations (``has_valid_label``, ``size_band``) some filters read."""

    kind = AnyOfFilter(choices=Organisation.Kind.choices, label=_("Kind"))
    country = AnyOfFilter(choices=country_choices, label=_("Country"))
    region = AnyOfFilter(child=forms.CharField(max_length=120), label=_("Region"))
    ecosystem = SlugFilter(
        field_name="ecosystem_ids", queryset=Ecosystem.objects.all(), method="filter_ecosystem", label=_("Ecosystem")
    )
    label = AnyOfFilter(choices=Label.Kind.choices, method="filter_label", label=_("Label"))
    label_valid = django_filters.ChoiceFilter(
        choices=[("yes", _("Not past a stated end date"))], method="filter_label_valid", label=_("Label validity")
    )
    size = AnyOfFilter(choices=SIZE_BANDS, field_name="size_band", label=_("Size"))
    has_visits = AnyOfFilter(choices=YES_NO, method="filter_has_visits", label=_("Has visits"))
    target_country = AnyOfFilter(choices=country_choices, method="filter_target_country", label=_("Cooperation target"))

    facets = (
        Facet("kind"),
        Facet("country", limit=12),
        Facet("region", limit=8, display=region_name),
        Facet("ecosystem", counts=ecosystem_counts, limit=14, display=ecosystem_name),
        Facet("tag", "tags__slug", label_expression="tags__name", limit=15, adds=True),
        Facet("label", label_kind_expression),
        Facet(
            "label_valid",
            Case(When(has_valid_label=True, then=Value("yes")), default=Value("")),
            single=True,
        ),
        Facet("size", "size_band"),
        # ``Organisation.took_part``, the participation rule stored by triggers (visits/triggers.py).
        Facet("has_visits", Case(When(took_part=True, then=Value("yes")), default=Value("no"))),
        # target_countries is stored as comma-separated codes: one row per code, counted in SQL.
        Facet(
            "target_country",
            Func(Func(F("target_countries"), Value(","), function="string_to_array"), function="unnest"),
            limit=12,
        ),
    )

    class Meta:
        model = Organisation
        fields = []

    def filter_ecosystem(self, queryset, name, value):
        # The denormalised ids (Organisation.ecosystem_ids), read from the list indexes.
        # One ecosystem: containment, whose plan is the one of a single-valued filter.
        if len(value) == 1:
            return queryset.filter(ecosystem_ids__contains=[value[0].pk])
        return queryset.filter(ecosystem_ids__overlap=[ecosystem.pk for ecosystem in value])

    def filter_label(self, queryset, name, value):
        labels = Label.objects.filter(organisation=OuterRef("pk"), kind__in=value)
        if self.form.cleaned_data.get("label_valid") == "yes":
            labels = labels.filter(valid_label_condition())
        return queryset.filter(Exists(labels))

    def filter_label_valid(self, queryset, name, value):
        return queryset.filter(has_valid_label=True) if value == "yes" else queryset

    def filter_has_visits(self, queryset, name, value):
        # Took part in a published visit, in any role (``Organisation.took_part``).
        return queryset.filter(took_part__in=[v == "yes" for v in value])

    def filter_target_country(self, queryset, name, value):
        # Codes are two letters joined by commas, so containment of the code is an exact match.
        condition = Q()
        for code in value:
            condition |= Q(target_countries__contains=code)
        return queryset.filter(condition)
