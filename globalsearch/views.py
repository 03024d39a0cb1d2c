from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.filtering.export import csv_response
from core.fulltext import MAX_QUERY_LENGTH
from globalsearch import search


class _Rows:
    """The export's rows as ``csv_response`` reads them (``iterator(chunk_size=...)``)."""

    def __init__(self, queryset):
        self.queryset = queryset

    def iterator(self, chunk_size):
        return self.queryset.iterator(chunk_size=chunk_size)


class SearchView(TemplateView):
    """One search box over every registered record type: the best hits of all types, then each
    type's best with a link to all of its results (``?type=<key>&page=N``, ``&format=csv``)."""

    template_name = "globalsearch/search.html"

    def get(self, request, *args, **kwargs):
        self.type_key = request.GET.get("type", "")
        self.spec = search.spec_for(self.type_key) if self.type_key else None
        if self.type_key and self.spec is None:
            context = self.get_base_context()
            context["error"] = gettext("There is no result type “%(type)s”.") % {"type": self.type_key[:40]}
            return self.render_to_response(context, status=400)
        if self.spec and request.GET.get("format") == "csv":
            return self.export()
        return super().get(request, *args, **kwargs)

    def page_number(self) -> int:
        raw = self.request.GET.get("page", "1")
        if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= search.MAX_PAGE:
            raise Http404(gettext("There is no such page of results."))
        return int(raw)

    def get_base_context(self) -> dict:
        raw = self.request.GET.get("q", "")
        return {
            "raw_q": raw,
            "searched": bool(raw.strip()),
            "max_length": MAX_QUERY_LENGTH,
            "types": [(spec.key, spec.label) for spec in search.specs()],
            "current_type": self.type_key,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.get_base_context())
        raw = context["raw_q"]
        if self.spec:
            number = self.page_number()
            page = search.type_page(raw, self.request.user, self.spec, number)
            if number > 1 and not page.hits:
                raise Http404(gettext("There is no such page of results."))
            context.update(page=page, q=page.query.text, query=page.query, correction=page.correction)
        else:
            results = search.search(raw, self.request.user)
            context.update(results=results, q=results.query.text, query=results.query, correction=results.correction)
        if context["correction"]:
            params = {"q": context["correction"].text, **({"type": self.type_key} if self.spec else {})}
            context["correction_url"] = f"{reverse('globalsearch:search')}?{urlencode(params)}"
        return context

    def export(self):
        raw = self.request.GET.get("q", "")
        user, spec, request = self.request.user, self.spec, self.request
        columns = [
            (_("Type"), lambda obj: spec.label),
            (_("Title"), spec.title),
            (_("Details"), spec.subtitle),
            (_("Page"), lambda obj: request.build_absolute_uri(search.url_for(obj))),
        ]
        rows = _Rows(search.export_rows(raw, user, spec))
        return csv_response(rows, columns, f"search-{spec.key}.csv", request, bom=request.GET.get("bom") == "1")
