from django.views.generic import TemplateView

from core.fulltext import MAX_QUERY_LENGTH
from globalsearch import search


class SearchView(TemplateView):
    """One search box over every registered record type."""

    template_name = "globalsearch/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("q", "")
        results = search.search(raw, self.request.user)
        context.update(
            results=results,
            q=results.query.text,
            searched=bool(raw.strip()),
            max_length=MAX_QUERY_LENGTH,
        )
        return context
