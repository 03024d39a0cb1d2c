"""``FacetedListView``: a list page with filters, facets, chips, sorting, pagination and exports."""

from typing import Any

from django.http import QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from core.filtering.export import EXPORT_FORMATS, EXPORT_MENU, export_response
from core.filtering.filterset import FacetedFilterSet
from core.filtering.query import FACET_PARAM, FACET_SEARCH_PARAM, STATE_PARAMS, querystring


class FacetedListView(ListView):
    """List view with filters, facet counts, removable chips, sorting, pagination and CSV export.

    Declare ``queryset`` (a named read path, e.g. ``for_list()``), ``filterset_class`` (a
    ``FacetedFilterSet``), ``sort_options`` (``{param: (label, ordering)}``; the first is the
    default), ``csv_columns`` (``[(header, "attr.path" or callable)]``), ``title``, ``template_name``
    (extending ``generic/object_list.html``), optionally ``intro`` (a lead paragraph under the
    title) and ``tabs`` (``[(URL name, title)]``: links to sibling lists under the heading, named
    ``tabs_label``). Context: ``intro``, ``tabs``, ``filterset``, ``facets``, ``active_filters``,
    ``filter_errors``, ``sort_links``, ``result_count``, ``export_url``, ``export_links``, ``clear_url``,
    ``page_notice`` and ListView's ``page_obj``/``object_list``. Optional ``feed_url_name`` and
    ``ical_url_name`` (core/feeds.py) give ``feed_url`` and ``ical_url``, carrying the current filters.
    ``?facet=NAME`` shows every value of one facet instead (``facet_page``, "Show all").
    """

    filterset_class: type[FacetedFilterSet]
    paginate_by = 25
    sort_options: dict[str, tuple[str, list]] = {}
    csv_columns: list[tuple[str, Any]] = []
    csv_filename = "export.csv"
    title = ""
    intro = ""
    tabs: list[tuple[str, str]] = []
    tabs_label = ""
    empty_message = gettext_lazy("Nothing matches these filters.")
    page_notice = ""
    max_page = 200
    feed_url_name = ""
    ical_url_name = ""
    facet_template_name = "generic/facet_values.html"

    def get(self, request, *args, **kwargs):
        if FACET_PARAM in request.GET:
            return self.facet_page(request, request.GET[FACET_PARAM])
        self.filterset = self.filterset_class(request.GET, queryset=self.get_queryset(), request=request)
        queryset = self.filterset.qs
        if ordering := self.current_ordering():
            queryset = queryset.order_by(*ordering)
        if (fmt := request.GET.get("format")) in EXPORT_FORMATS and self.csv_columns:
            return self.filterset.refusal() or self.export(queryset, fmt)
        self.object_list = queryset
        # An invalid filter value is bad input: the page (its rows without that filter, and the
        # message naming it) answers 400, so that no one takes it for the list they asked for.
        return self.render_to_response(self.get_context_data(), status=200 if self.filterset.is_valid() else 400)

    def facet_page(self, request, name: str):
        """ "Show all" of one facet (``?facet=country&...filters``): every value with its count
        under the current filters, narrowed by ``facet_q``, as checkboxes submitting to the list
        with the other filters kept. Plain HTML: no script needed."""
        params = request.GET.copy()
        for key in (FACET_PARAM, FACET_SEARCH_PARAM, "page"):
            params.pop(key, None)
        self.filterset = self.filterset_class(params, queryset=self.get_queryset(), request=request)
        search = request.GET.get(FACET_SEARCH_PARAM, "")[:100]
        result = self.filterset.facet_all_values(name, search)
        list_url = querystring(params)
        if result is None:
            message = _("This list has no filter “%(name)s”.") % {"name": name[:40]}
            context = {"title": self.title, "list_url": list_url, "filter_errors": [message]}
            return TemplateResponse(request, self.facet_template_name, context, status=400)
        kept = [(key, value) for key, values in params.lists() if key not in (name, "format") for value in values]
        context = {
            "title": self.title,
            "list_url": list_url,
            "facet": result,
            "facet_search": search,
            "kept_params": kept,
            "search_params": [(key, value) for key, values in params.lists() for value in values],
            "filter_errors": self.filterset.error_messages(),
            "facet_param": FACET_PARAM,
            "facet_search_param": FACET_SEARCH_PARAM,
        }
        return TemplateResponse(
            request, self.facet_template_name, context, status=400 if context["filter_errors"] else 200
        )

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
            intro=self.intro,
            tabs=[
                {"url": reverse(name), "title": title, "current": name == self.request.resolver_match.view_name}
                for name, title in self.tabs
            ],
            tabs_label=self.tabs_label,
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
            export_links=[
                {"url": querystring(params, remove=("bom", None), format=fmt, **extra), "label": label}
                for fmt, extra, label in (EXPORT_MENU if self.csv_columns else [])
            ],
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

    def export(self, queryset, fmt: str):
        """Every filtered row, in the page's order, as CSV, XLSX or JSON (core/filtering/export.py)."""
        stem = self.csv_filename.rsplit(".", 1)[0]
        return export_response(fmt, queryset, self.csv_columns, stem, self.request)
