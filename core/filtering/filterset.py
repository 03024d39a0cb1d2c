"""``FacetedFilterSet``: the filters of a list page, its facets' values and its removable chips."""

import django_filters
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filtering.counting import ALL_VALUES_LIMIT, Counts, count_facets
from core.filtering.facets import Facet, FacetResult, FacetValue
from core.filtering.fields import SlugsField, TagFilter
from core.filtering.query import is_set, querystring
from core.text import fold, printable


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
        self.is_valid()  # the form cleaned, as ``qs`` does
        for key, value in self.form.cleaned_data.items():
            if key != name:
                queryset = self.filters[key].filter(queryset, value)
        return queryset

    def selected(self, name: str) -> list[str]:
        """The URL values of filter ``name`` that passed validation, each once."""
        if not is_set(self.form.cleaned_data.get(name)):
            return []
        values = list(dict.fromkeys(v for v in self.data.getlist(name) if v != ""))
        return values if isinstance(self.form.cleaned_data[name], list) else values[-1:]

    def facet(self, name: str) -> Facet | None:
        return next((facet for facet in self.facets if facet.name == name), None)

    def value_label(self, name: str, value: str) -> str:
        """A filter value's label in the reader's language (``Facet.display`` when it has one)."""
        label = self._value_label(name, value)
        facet = self.facet(name)
        return facet.shown_label(label) if facet is not None else label

    def _value_label(self, name: str, value: str) -> str:
        field = self.form.fields.get(name)
        choices = getattr(field, "choices", None)
        if choices is not None:
            # One dict per filter and request, not a pass over the choices (250 countries) for
            # each facet value: that pass was a large part of a list page's Python time.
            labels = self.__dict__.setdefault("_choice_labels", {})
            if name not in labels:
                labels[name] = {str(key): label for key, label in choices}
            return str(labels[name].get(value, value))
        cleaned = self.form.cleaned_data.get(name)
        if isinstance(field, SlugsField) and cleaned:
            return next((str(row) for row in cleaned if getattr(row, field.to_field_name) == value), value)
        return str(cleaned) if cleaned is not None and not isinstance(cleaned, list | str) else value

    def facet_counts(self) -> Counts:
        """The filtered total and every facet's ``(value, label, count, values in all)`` rows, in
        ONE statement (core/filtering/counting.py), computed once per FilterSet."""
        if getattr(self, "_facet_counts", None) is None:
            self.is_valid()
            self._facet_counts = count_facets(self)
        return self._facet_counts

    def facet_results(self, total: int | None = None) -> list[FacetResult]:
        """Counts beside each facet value (``facet_counts()``: one query for every facet).

        A value's count is how many rows clicking it leaves when nothing is chosen in its facet,
        else how many of the rows of every other filter have it (values within a facet are ORed).
        Selected values are always listed. ``total`` is unused (kept for callers)."""
        _computed, counts = self.facet_counts()
        results = [self._facet_result(facet, counts[facet.name], facet.limit) for facet in self.facets]
        return [result for result in results if result.values]

    def facet_all_values(self, name: str, search: str = "") -> FacetResult | None:
        """Every value of facet ``name`` (up to ``ALL_VALUES_LIMIT``) with its count, for the
        facet's "Show all" page; ``search`` keeps the values whose label or value contains it
        (case- and accent-blind). ``None`` for a name that is no facet."""
        facet = self.facet(name)
        if facet is None:
            return None
        self.is_valid()
        _total, counts = count_facets(self, only=name)
        result = self._facet_result(facet, counts[name], ALL_VALUES_LIMIT)
        if needle := fold(search.strip()):
            result.values = [v for v in result.values if needle in fold(v.label) or needle in fold(v.value)]
        return result

    def _facet_result(self, facet: Facet, rows: list[tuple], limit: int) -> FacetResult:
        selected = self.selected(facet.name)
        result = FacetResult(facet.name, str(self.filters[facet.name].label or facet.name))
        rows = [row for row in rows if row[0] not in (None, "")]
        # The to-many parts say how many values there are in all; single-valued facets have
        # every value among their rows.
        result.total_values = max([len(rows), *(row[3] or 0 for row in rows)])
        if facet.newest_first:
            rows.sort(key=lambda row: row[0], reverse=True)
        counted = {row[0]: row for row in rows}
        shown = [self._labelled(facet, row) for row in rows[:limit]]
        if not facet.newest_first:
            # Equal counts in the order of the labels as the reader sees them ("İŞİM" among the I's).
            shown.sort(key=lambda row: (-row[2], fold(row[1])))
        shown_values = {row[0] for row in shown}
        # A selected value beyond the top ones is listed all the same, with its own count.
        for value in selected:
            if value not in shown_values:
                shown.append(self._labelled(facet, counted.get(value, (value, None, 0, None))))
                shown_values.add(value)
        if facet.newest_first:
            shown.sort(key=lambda row: row[0], reverse=True)
        for value, label, count in shown:
            result.values.append(self._facet_value(facet, value, label, count, selected))
        if result.total_values > len(result.values):
            result.all_url = querystring(self.data, facet=facet.name)
        return result

    def _labelled(self, facet: Facet, row: tuple) -> tuple[str, str, int]:
        """``(value, label in the reader's language, count)`` of a counted row."""
        value, row_label, count = row[:3]
        label = facet.shown_label(str(row_label)) if row_label else self.value_label(facet.name, value)
        return value, str(label), count

    def _facet_value(self, facet, value, label, count, selected):
        is_selected = value in selected
        if is_selected:
            url = querystring(self.data, remove=(facet.name, value))
        else:
            url = querystring(self.data, **{facet.name: [value]})
        return FacetValue(value, label, count, url, is_selected)

    def active_filters(self) -> list[dict]:
        """Chips for every filter value in the URL (a value given twice once), each with a link
        removing just that value. Values that failed validation are listed too (marked
        ``invalid``) so they can be removed."""
        chips = []
        for name, flt in self.filters.items():
            for value in dict.fromkeys(self.data.getlist(name)):
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

    def error_messages(self, *, ignored: bool = True) -> list[str]:
        """One message per filter whose value failed validation: "Country: Select a valid choice.
        This filter was ignored." (the list page shows the rows without it), or without the last
        sentence (``ignored=False``) where nothing is shown but the refusal (an export, a feed)."""
        message = _("%(filter)s: %(errors)s This filter was ignored.") if ignored else "%(filter)s: %(errors)s"
        return [
            message % {"filter": self.filters[name].label if name in self.filters else name, "errors": " ".join(errors)}
            for name, errors in self.form.errors.items()
        ]

    def refusal(self):
        """``None`` when every filter value is valid, else a 400 plain-text answer naming the
        refused values, for answers that are no page (exports, feeds, calendars)."""
        if self.is_valid():
            return None
        # One line per refused filter: a value's own line breaks and NULs never start a line.
        lines = [_("These filter values are not valid:"), *map(printable, self.error_messages(ignored=False))]
        return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
