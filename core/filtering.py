"""Faceted list pages: a FilterSet base and a ListView base shared by every browsable model.

A list page is declared, not programmed::

    class PartnerList(FacetedListView):
        queryset = Organisation.objects.for_list()
        filterset_class = OrganisationFilterSet      # a FacetedFilterSet with ``facets``
        sort_options = {"name": ("Name", ["name"]), "-founded": ("Newest", ["-founded", "name"])}
        csv_columns = [("Name", "name"), ("Country", "country.code")]
        template_name = "clusters/organisation_list.html"   # extends generic/object_list.html

The whole state lives in the URL (filters, ``sort``, ``page``); ``?format=csv`` streams exactly the
filtered rows. Bad input never raises: invalid filters are ignored and reported, a page out of range
shows the last page, an unknown sort falls back to the default.
"""

import csv
import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.http import QueryDict, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import ListView

from core.cache import current_data_version

# Parameters that carry page state rather than a filter.
STATE_PARAMS = ("page", "sort", "format")
# Counting the facets of 10,000 rows or more takes a pass over every row and its tags (seconds
# at 100,000 organisations): such counts (and the total) are cached, keyed by their exact SQL and
# the data version (core/cache.py), so a write shows in the counts at once and an entry can live
# for an hour. Narrower lists are always counted afresh.
FACET_CACHE_MIN_ROWS = 10_000
FACET_CACHE_SECONDS = 3600
# The CTE of the filtered rows' ids that the facet counts share (FacetedFilterSet.facet_counts).
SHARED_ROWS = "ckb_filtered_rows"


class MultipleValueField(forms.Field):
    """Every value of a repeated parameter (``?tag=a&tag=b``), each cleaned by ``child``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *args, child: forms.Field | None = None, max_values: int = 20, **kwargs):
        self.child = child or forms.CharField(max_length=100)
        self.max_values = max_values
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return [v for v in values if v not in ("", None)]

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_values:
            raise forms.ValidationError(
                ngettext("At most %(count)d value.", "At most %(count)d values.", self.max_values)
                % {"count": self.max_values}
            )

    def clean(self, value):
        values = super().clean(value)
        return [self.child.clean(v) for v in values]


class TagFilter(django_filters.Filter):
    """Taggit slugs; several ``tag`` parameters are ANDed (rows carrying every tag)."""

    field_class = MultipleValueField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "tags")
        kwargs.setdefault("child", forms.SlugField(max_length=100))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        # One join per tag: a tag is attached to an object at most once, so no duplicate rows.
        for slug in value or ():
            qs = qs.filter(**{f"{self.field_name}__slug": slug})
        return qs


class SlugFilter(django_filters.ModelChoiceFilter):
    """A foreign key (or many-to-many) chosen by the related row's slug: ``?ecosystem=health``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


@dataclass
class Facet:
    """A facet beside the list: the filter it drives and the SQL value a row has for it.

    ``expression``: a field path (``"country"``, ``"ecosystems__slug"``) or an expression, or a
    callable ``(filterset) -> expression``; its values must be what the filter accepts in the URL.
    ``label_expression``: a path giving the value's label (``"ecosystems__name"``); otherwise the
    filter's choices label it. ``adds``: choosing a value adds it to the selected ones (ANDed tags)
    instead of replacing them, so the counts keep this facet's own filter.
    ``single``: each row has exactly one value (a column of the row, or an expression over it), so
    the facet is counted in the shared GROUPING SETS pass; by default true for a path without
    ``__``. ``counts``: a callable ``(filterset, base queryset, limit) -> (sql, params)`` selecting
    ``facet_value, facet_label, facet_count`` (top values first, at most ``limit + 1`` rows), for
    a facet that is cheaper to count in its own SQL (e.g. from link tables).
    """

    name: str
    expression: Any = None
    label_expression: str | None = None
    limit: int = 10
    adds: bool = False
    single: bool | None = None
    counts: Any = None

    @property
    def is_single(self) -> bool:
        if self.counts is not None:
            return False
        if self.single is not None:
            return self.single
        path = self.expression or self.name
        return isinstance(path, str) and "__" not in path


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass
class FacetResult:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)


def is_set(value) -> bool:
    """Whether a filter's cleaned value filters anything (an empty choice or list does not)."""
    return value not in (None, "", [])


def querystring(params: QueryDict, *, remove: tuple[str, str | None] | None = None, **changes) -> str:
    """``params`` as ``?a=1&b=2``, without ``page``, minus one ``(key, value)`` pair (``value`` None:
    every value), with ``changes`` set (a list value appends rather than replaces)."""
    # Plain lists, not QueryDict.copy(): its deep copy was most of the cost of the 80 facet links
    # of a list page. The encoding is QueryDict.urlencode()'s (quote_plus of each pair).
    query = {key: list(values) for key, values in params.lists() if key != "page"}
    if remove:
        key, value = remove
        kept = [v for v in query.get(key, []) if value is not None and v != value]
        query[key] = kept
    for key, value in changes.items():
        if isinstance(value, list):
            present = query.get(key, [])
            query[key] = [*present, *[v for v in value if v not in present]]
        else:
            query[key] = [value]
    encoded = urlencode([(key, v) for key, values in query.items() for v in values])
    return f"?{encoded}" if encoded else "?"


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
            # One dict per filter and request: normalising 250 country choices for each facet
            # value took a third of a list page's Python time.
            labels = self.__dict__.setdefault("_choice_labels", {})
            if name not in labels:
                labels[name] = dict(choices)
            return str(labels[name].get(value, value))
        cleaned = self.form.cleaned_data.get(name)
        return str(cleaned) if cleaned is not None and not isinstance(cleaned, list | str) else value

    def _expression(self, facet):
        expression = facet.expression(self) if callable(facet.expression) else facet.expression
        return F(expression or facet.name) if isinstance(expression or facet.name, str) else expression

    def facet_counts(self) -> tuple[int, dict[str, list[tuple]]]:
        """The filtered total and every facet's ``(value, label, count)`` rows, in ONE statement.

        For a facet, rows matching every OTHER active filter (its "base") are grouped by the
        facet's value, so a count is what clicking that value would show. Single-valued facets
        with the same base share one ``GROUPING SETS`` pass over the base's rows (a facet without
        an active filter of its own shares the filtered rows, whose grand total is the result
        count); to-many facets (tags, ecosystems, unnested codes) and ``counts`` facets are
        ``GROUP BY`` parts limited to their top values. The parts are joined with ``UNION ALL``.
        """
        if getattr(self, "_facet_counts", None) is not None:
            return self._facet_counts
        cleaned = self.form.cleaned_data
        groups: dict[str | None, list[int]] = {None: []}
        parts, params = [], []
        shared_sql, shared_params, filtered = self._shared_filtered()
        for index, facet in enumerate(self.facets):
            own = facet.name if not facet.adds and is_set(cleaned.get(facet.name)) else None
            if facet.is_single:
                groups.setdefault(own, []).append(index)
                continue
            base = filtered if own is None else self.queryset_without(own)
            try:
                sql, part_params = self._facet_part(facet, base)
            except EmptyResultSet:  # e.g. a search that cannot match anything: no values
                continue
            parts.append(f"SELECT {index}, t.facet_value::text, t.facet_label::text, t.facet_count FROM ({sql}) AS t")
            params += part_params
        for own, indexes in groups.items():
            base = filtered if own is None else self.queryset_without(own)
            try:
                sql, part_params = self._grouping_part(base, own, indexes)
            except EmptyResultSet:
                continue
            parts.append(sql)
            params += part_params
        sql = " UNION ALL ".join(f"({part})" for part in parts)
        if parts and shared_sql:
            sql = f"WITH {SHARED_ROWS}(pk) AS MATERIALIZED ({shared_sql}) {sql}"
            params = [*shared_params, *params]
        digest = hashlib.sha256(f"{self.queryset.db}|{sql}|{params!r}".encode()).hexdigest()
        key = f"facets:{current_data_version()}:{digest}"
        if parts and (cached := cache.get(key)) is not None:
            self._facet_counts = cached
            return cached
        total, counts = 0, {facet.name: [] for facet in self.facets}
        if parts:
            with connections[self.queryset.db].cursor() as cursor:
                cursor.execute(sql, params)
                for index, value, label, count in cursor.fetchall():
                    if index == -1:
                        total = count
                    elif index >= 0:
                        counts[self.facets[index].name].append((value, label, count))
        for facet in self.facets:
            counts[facet.name].sort(key=lambda row: (-row[2], row[0] or ""))
        self._facet_counts = (total, counts)
        if total >= FACET_CACHE_MIN_ROWS:
            cache.set(key, self._facet_counts, FACET_CACHE_SECONDS)
        return self._facet_counts

    def _shared_filtered(self):
        """With two filters or more: the filtered rows' ids as SQL for a MATERIALIZED CTE, and the
        queryset of those rows read back from it. Every facet without an active filter of its own,
        and the total, count these rows: combined filters (EXISTS over visits, tags, a search) then
        run once per page instead of once per such facet. A single filter is cheaper to apply again
        in each part through its index than to read 15,000 ids back by primary key (measured at
        100,000 organisations: 180 against 270 ms for ``country=FR``). Otherwise, or when the
        filters cannot match anything, ``(None, [], filtered queryset)``."""
        filtered = self.queryset_without(None)
        if sum(is_set(value) for value in self.form.cleaned_data.values()) < 2:
            return None, [], filtered
        try:
            sql, params = filtered.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            return None, [], filtered
        return sql, list(params), self.queryset.filter(pk__in=RawSQL(f"SELECT pk FROM {SHARED_ROWS}", ()))

    def _facet_part(self, facet, base) -> tuple[str, list]:
        """SQL for a to-many facet: ``facet_value, facet_label, facet_count``, top values first."""
        if facet.counts is not None:
            return facet.counts(self, base, facet.limit)
        # Each (row, value) pair once (a hashed DISTINCT), then counted per value: cheaper
        # than COUNT(DISTINCT pk), which sorts. Rows without a value are left out (an
        # inner join) rather than counted and dropped.
        annotations = {"facet_value": self._expression(facet)}
        if facet.label_expression:
            annotations["facet_label"] = F(facet.label_expression)
        pairs = base.order_by().annotate(**annotations)
        if isinstance(annotations["facet_value"], F):  # not a set-returning unnest()
            pairs = pairs.filter(facet_value__isnull=False)
        pairs = pairs.values("pk", *annotations).distinct()
        inner, part_params = pairs.query.sql_with_params()
        label = "p.facet_label" if facet.label_expression else "NULL::text"
        sql = (
            f"SELECT p.facet_value, {label} AS facet_label, COUNT(*) AS facet_count FROM ({inner}) AS p"
            f" GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT {int(facet.limit) + 1}"
        )
        return sql, part_params

    def _grouping_part(self, base, own, indexes) -> tuple[str, list]:
        """SQL for the single-valued facets ``indexes`` sharing ``base``: one GROUPING SETS pass."""
        # Filters never repeat a row (to-many filters use EXISTS, one join per ANDed tag), so
        # COUNT(*) over the base counts rows, as the list's own count does.
        rows = base
        columns = {f"facet_{i}": self._expression(self.facets[i]) for i in indexes}
        rows = rows.order_by().annotate(**columns).values(*columns) if columns else rows.order_by().values("pk")
        sql, params = rows.query.sql_with_params()
        # The grand total "()" of the filtered rows (own=None) is the result count: index -1.
        whole = -1 if own is None else -2
        if not columns:
            return f"SELECT {whole}, NULL::text, NULL::text, COUNT(*) FROM ({sql}) AS t", params
        names = [f't."{name}"' for name in columns]
        which = " ".join(f"WHEN GROUPING({n}) = 0 THEN {i}" for n, i in zip(names, indexes, strict=True))
        value = f"COALESCE({', '.join(f'{n}::text' for n in names)})"
        sets = ", ".join([*(f"({n})" for n in names), "()"])
        return (
            f"SELECT CASE {which} ELSE {whole} END, {value}, NULL::text, COUNT(*) FROM ({sql}) AS t"
            f" GROUP BY GROUPING SETS ({sets})"
        ), params

    def facet_results(self, total: int | None = None) -> list[FacetResult]:
        """Counts beside each facet value (``facet_counts()``: one query for every facet).

        A selected value is always listed: its count is ``total`` (the current result), whether
        or not it made the top ``limit``.
        """
        computed, counts = self.facet_counts()
        total = computed if total is None else total
        results = []
        for facet in self.facets:
            selected = self.selected(facet.name)
            result = FacetResult(facet.name, str(self.filters[facet.name].label or facet.name))
            seen = set()
            for value, row_label, count in counts[facet.name]:
                if value in (None, "") or len(result.values) >= facet.limit:
                    continue
                seen.add(value)
                label = row_label or self.value_label(facet.name, value)
                result.values.append(self._facet_value(facet, value, str(label), count, selected))
            for value in selected:
                if value not in seen:
                    label = self.value_label(facet.name, value)
                    result.values.insert(0, self._facet_value(facet, value, label, total, selected))
            if result.values:
                results.append(result)
        return results

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


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming ``csv.writer`` output."""

    def write(self, value):
        return value


def _csv_cell(value) -> str:
    text = "" if value is None else str(value)
    # Spreadsheet formula injection: a cell starting with these is read as a formula.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class FacetedListView(ListView):
    """List view with filters, facet counts, removable chips, sorting, pagination and CSV export.

    Declare ``queryset`` (a named read path, e.g. ``for_list()``), ``filterset_class`` (a
    ``FacetedFilterSet``), ``sort_options`` (``{param: (label, ordering)}``; the first is the
    default), ``csv_columns`` (``[(header, "attr.path" or callable)]``), ``title``, ``template_name``
    (extending ``generic/object_list.html``). Context: ``filterset``, ``facets``, ``active_filters``,
    ``filter_errors``, ``sort_links``, ``result_count``, ``export_url``, ``clear_url``,
    ``page_notice`` and ListView's ``page_obj``/``object_list``. Optional ``feed_url_name`` and
    ``ical_url_name`` (core/feeds.py) give ``feed_url`` and ``ical_url``, carrying the current filters.
    """

    filterset_class: type[FacetedFilterSet]
    paginate_by = 25
    sort_options: dict[str, tuple[str, list]] = {}
    csv_columns: list[tuple[str, Any]] = []
    csv_filename = "export.csv"
    title = ""
    empty_message = gettext_lazy("Nothing matches these filters.")
    page_notice = ""
    max_page = 200
    feed_url_name = ""
    ical_url_name = ""

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET, queryset=self.get_queryset(), request=request)
        queryset = self.filterset.qs
        if ordering := self.current_ordering():
            queryset = queryset.order_by(*ordering)
        if request.GET.get("format") == "csv":
            return self.export_csv(queryset)
        self.object_list = queryset
        return self.render_to_response(self.get_context_data())

    def current_sort(self) -> str:
        requested = self.request.GET.get("sort", "")
        return requested if requested in self.sort_options else next(iter(self.sort_options), "")

    def current_ordering(self) -> list:
        if not self.sort_options:
            return []  # the queryset's own ordering
        ordering = self.sort_options[self.current_sort()][1]
        return [*ordering, "pk"]  # a total order, so pages never overlap

    def paginate_queryset(self, queryset, page_size):
        """Never 404: a non-integer page shows the first page, one past the end the last page.
        Pages beyond ``max_page`` are not served (an OFFSET that deep reads and throws away every
        row before it): the last allowed page is shown with a notice to narrow the filters."""
        paginator = self.get_paginator(queryset, page_size)
        # The facets' statement counted the filtered rows already: no separate COUNT(*).
        paginator.count = self.filterset.facet_counts()[0]
        raw = self.request.GET.get("page", "1")
        page = paginator.get_page(raw)
        if page.number > self.max_page:
            page = paginator.page(self.max_page)
            self.page_notice = _(
                "Only the first %(max)d pages can be browsed; showing page %(max)d. "
                "Narrow the filters or change the sort order to reach the other rows."
            ) % {"max": self.max_page}
        elif raw != str(page.number):
            self.page_notice = _("There is no page “%(page)s”; showing page %(number)d of %(count)d.") % {
                "page": raw[:20],
                "number": page.number,
                "count": paginator.num_pages,
            }
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        total = context["paginator"].count if context.get("paginator") else len(self.object_list)
        current = self.current_sort()
        context.update(
            title=self.title,
            empty_message=self.empty_message,
            filterset=self.filterset,
            facets=self.filterset.facet_results(total),
            active_filters=self.filterset.active_filters(),
            filter_errors=self.filterset.error_messages(),
            result_count=total,
            page_notice=self.page_notice,
            sort_links=[
                {"label": label, "url": querystring(params, sort=key), "current": key == current}
                for key, (label, _) in self.sort_options.items()
            ],
            export_url=querystring(params, format="csv") if self.csv_columns else "",
            feed_url=self.filtered_link(self.feed_url_name),
            ical_url=self.filtered_link(self.ical_url_name),
            clear_url=querystring(QueryDict(mutable=True), **({"sort": params["sort"]} if "sort" in params else {})),
            hidden_params=[
                (k, v) for k, values in params.lists() if k not in ("q", *STATE_PARAMS) or k == "sort" for v in values
            ],
        )
        return context

    def filtered_link(self, url_name: str) -> str:
        """The page ``url_name`` (a feed of this list) with the current filters, without page state."""
        if not url_name:
            return ""
        query = self.request.GET.copy()
        for key in STATE_PARAMS:
            query.pop(key, None)
        encoded = query.urlencode()
        return reverse(url_name) + (f"?{encoded}" if encoded else "")

    def export_csv(self, queryset) -> StreamingHttpResponse:
        """Every filtered row, in the page's order, streamed in chunks (never all in memory)."""
        writer = csv.writer(_Echo())
        columns = self.csv_columns
        # Translated now, while the request's language is active, not when the stream is read.
        headers = [str(header) for header, _getter in columns]

        def value(obj, getter):
            if callable(getter):
                return getter(obj)
            for attr in getter.split("."):
                obj = getattr(obj, attr, None)
            # A method named by its path ("get_kind_display", "get_absolute_url") gives its result.
            return obj() if callable(obj) else obj

        def rows():
            yield writer.writerow(headers)
            for obj in queryset.iterator(chunk_size=2000):
                yield writer.writerow([_csv_cell(value(obj, getter)) for _, getter in columns])

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.csv_filename}"'
        return response
