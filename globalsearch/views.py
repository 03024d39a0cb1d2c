from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import TemplateView

from core.filtering.export import EXPORT_FORMATS, EXPORT_MENU
from core.fulltext import MAX_QUERY_LENGTH
from globalsearch import export, search


class SearchView(TemplateView):
    """One search box over every registered record type: the best hits of all types, then each
    type's best with a link to all of its results (``?type=<key>&page=N``). ``&format=csv`` (or
    ``xlsx``, ``json``) exports a type page's hits in its list's columns, or the hits of every
    type in generic ones (globalsearch/export.py)."""

    template_name = "globalsearch/search.html"

    def get(self, request, *args, **kwargs):
        self.type_key = request.GET.get("type", "")
        self.spec = search.spec_for(self.type_key) if self.type_key else None
        if self.type_key and self.spec is None:
            context = self.get_base_context()
            context["error"] = gettext("There is no result type “%(type)s”.") % {"type": self.type_key[:40]}
            return self.render_to_response(context, status=400)
        if (fmt := request.GET.get("format")) in EXPORT_FORMATS:
            return self.export(fmt)
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
        searched = {"q": raw, **({"type": self.type_key} if self.spec else {})}
        context["export_links"] = [
            {"url": f"?{urlencode({**searched, 'format': fmt, **extra})}", "label": label}
            for fmt, extra, label in EXPORT_MENU
        ]
        if context["correction"]:
            params = {"q": context["correction"].text, **({"type": self.type_key} if self.spec else {})}
            context["correction_url"] = f"{reverse('globalsearch:search')}?{urlencode(params)}"
        return context

    def export(self, fmt: str):
        """Every hit of the type page in its list's columns, or of every type in generic ones."""
        raw = self.request.GET.get("q", "")
        if self.spec:
            return export.type_export(fmt, raw, self.request, self.spec)
        return export.mixed_export(fmt, raw, self.request)
