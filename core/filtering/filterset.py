"""``FacetedFilterSet``: the filters of a list page, its facets' values and its removable chips."""

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filtering.counting import Counts, count_facets
from core.filtering.facets import Facet, FacetResult, FacetValue
from core.filtering.fields import TagFilter
from core.filtering.query import is_set, querystring


class FacetedFilterSet(django_filters.FilterSet):
    """Base FilterSet: ``q`` free text, ``tag`` (ANDed taggit slugs), and ``facets`` to count.

    Subclasses add their filters (``SlugFilter`` for foreign keys) and list ``facets``. Free text
    goes through ``search()``: the model's manager must offer ``search(text)`` (core/fulltext.py).
    """

    q = django_filters.CharFilter(method="filter_q", label=gettext_lazy("Search"), max_length=200)
    tag = TagFilter(label=gettext_lazy("Tag"))

    facets: tuple[Facet, ...] = ()

    def filter_q(self, queryset, name, value):
        return self.search(queryset, value.strip())

    def search(self, queryset, value):
        """Rows the model's own full-text search finds (``Model.objects.search``: stemmed,
        accent-blind, typo-tolerant). A subquery, so that the search's rank annotation never meets
        the facets' GROUP BY and matches through a to-many field never duplicate rows."""
        if not value:
            return queryset
        return queryset.filter(pk__in=queryset.model._default_manager.all().search(value).values("pk"))

    def queryset_without(self, name: str | None):
        """The rows every valid filter except ``name`` leaves (``filter_queryset`` minus one)."""
        queryset = self.queryset.all()
        for key, value in self.form.cleaned_data.items():
            if key != name:
                queryset = self.filters[key].filter(queryset, value)
        return queryset

    def selected(self, name: str) -> list[str]:
        """The URL values of filter ``name`` that passed validation."""
        if not is_set(self.form.cleaned_data.get(name)):
            return []
        values = self.data.getlist(name)
        return values if isinstance(self.form.cleaned_data[name], list) else values[-1:]

    def value_label(self, name: str, value: str) -> str:
        choices = getattr(self.form.fields.get(name), "choices", None)
        if choices is not None and not isinstance(self.filters[name], django_filters.ModelChoiceFilter):
            # One dict per filter and request, not a pass over the choices (250 countries) for
            # each facet value: that pass was a large part of a list page's Python time.
            labels = self.__dict__.setdefault("_choice_labels", {})
            if name not in labels:
                labels[name] = dict(choices)
            return str(labels[name].get(value, value))
        cleaned = self.form.cleaned_data.get(name)
        return str(cleaned) if cleaned is not None and not isinstance(cleaned, list | str) else value

    def facet_counts(self) -> Counts:
        """The filtered total and every facet's ``(value, label, count)`` rows, in ONE statement
        (core/filtering/counting.py), computed once per FilterSet."""
        if getattr(self, "_facet_counts", None) is None:
            self._facet_counts = count_facets(self)
        return self._facet_counts

    def facet_results(self, total: int | None = None) -> list[FacetResult]:
        """Counts beside each facet value (``facet_counts()``: one query for every facet).

        A selected value is always listed: its count is ``total`` (the current result), whether
        or not it made the top ``limit``.
        """
        computed, counts = self.facet_counts()
        total = computed if total is None else total
        results = [self._facet_result(facet, counts[facet.name], total) for facet in self.facets]
        return [result for result in results if result.values]

    def _facet_result(self, facet: Facet, rows: list[tuple], total: int) -> FacetResult:
        selected = self.selected(facet.name)
        result = FacetResult(facet.name, str(self.filters[facet.name].label or facet.name))
        seen = set()
        for value, row_label, count in rows:
            if value in (None, "") or len(result.values) >= facet.limit:
                continue
            seen.add(value)
            label = row_label or self.value_label(facet.name, value)
            result.values.append(self._facet_value(facet, value, str(label), count, selected))
        for value in selected:
            if value not in seen:
                label = self.value_label(facet.name, value)
                result.values.insert(0, self._facet_value(facet, value, label, total, selected))
        return result

    def _facet_value(self, facet, value, label, count, selected):
        is_selected = value in selected
        if is_selected:
            url = querystring(self.data, remove=(facet.name, value))
        elif facet.adds:
            url = querystring(self.data, **{facet.name: [value]})
        else:
            url = querystring(self.data, **{facet.name: value})
        return FacetValue(value, label, count, url, is_selected)

    def active_filters(self) -> list[dict]:
        """Chips for every filter value in the URL, each with a link removing just that value.
        Values that failed validation are listed too (marked ``invalid``) so they can be removed."""
        chips = []
        for name, flt in self.filters.items():
            for value in self.data.getlist(name):
                if value == "":
                    continue
                invalid = name in self.form.errors
                label = value if invalid or name == "q" else self.value_label(name, value)
                chips.append(
                    {
                        "name": name,
                        "title": str(flt.label or name),
                        "label": f"“{label[:60]}”" if name == "q" else label[:60],
                        "url": querystring(self.data, remove=(name, value)),
                        "invalid": invalid,
                    }
                )
        return chips

    def error_messages(self) -> list[str]:
        return [
            _("%(filter)s: %(errors)s This filter was ignored.")
            % {"filter": self.filters[name].label if name in self.filters else name, "errors": " ".join(errors)}
            for name, errors in self.form.errors.items()
        ]
