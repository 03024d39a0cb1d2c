from django.db import DatabaseError, connection
from django.db.models import Count
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from clusters.fulltext import MAX_QUERY_LENGTH
from clusters.models import Organisation
from core import charts, graphs, search, worldmap
from funding.models import Call, Instrument, Project
from visits.models import Visit


class HomeView(TemplateView):
    """What the knowledge base holds: counts per record type and the latest visits."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visits = Visit.objects.visible_to(self.request.user)
        kinds = dict(Organisation.Kind.choices)
        by_kind = Organisation.objects.values("kind").annotate(count=Count("pk")).order_by("-count", "kind")
        context["organisation_kinds"] = [{"label": kinds.get(row["kind"], row["kind"]), **row} for row in by_kind]
        context["stats"] = [
            {"label": _("organisations"), "count": sum(row["count"] for row in context["organisation_kinds"])},
            {"label": _("visits and events"), "count": visits.count()},
            {"label": _("funding instruments"), "count": Instrument.objects.count()},
            {"label": _("calls for proposals"), "count": Call.objects.count()},
            {"label": _("cooperation projects"), "count": Project.objects.count()},
        ]
        context["latest_visits"] = visits.most_recent(5)
        context["visits_chart"] = charts.visits_per_year(visits)
        context["instruments_chart"] = charts.instruments_by_level_and_kind()
        context["calls_chart"] = charts.calls_closing_soon()
        return context


class MapView(TemplateView):
    """Organisations per country on a world (or Europe) map, with the same counts as a table."""

    template_name = "core/map.html"
    view = "world"

    def get_context_data(self, **kwargs):
        return super().get_context_data(view=self.view, map=worldmap.organisations_by_country(view=self.view), **kwargs)


class NetworkView(TemplateView):
    """Clusters, poles and networks linked by the visits and events they shared."""

    template_name = "core/network.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(network=graphs.network_overview(), **kwargs)


class SearchView(TemplateView):
    """One search box over organisations, visits, instruments, calls and projects."""

    template_name = "core/search.html"

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


@never_cache
def health(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:  # OperationalError, InterfaceError: server down or connection lost
        # Drop the broken connection now so that the next request opens a fresh one.
        connection.close_if_unusable_or_obsolete()
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
