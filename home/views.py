from django.db.models import Count
from django.views.generic import TemplateView

from clusters.models import Organisation
from core.registry import registry
from insights import charts
from visits.models import Visit


class HomeView(TemplateView):
    """What the knowledge base holds: counts per registered record type, organisations by kind,
    the latest visits and three charts."""

    template_name = "home/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visits = Visit.objects.events_visible_to(self.request.user)
        kinds = dict(Organisation.Kind.choices)
        by_kind = Organisation.objects.values("kind").annotate(count=Count("pk")).order_by("-count", "kind")
        context["organisation_kinds"] = [{"label": kinds.get(row["kind"], row["kind"]), **row} for row in by_kind]
        context["stats"] = [
            {"label": record_type.count_label, "count": record_type.home_count(self.request.user)}
            for record_type in registry.record_types()
            if record_type.home_count is not None
        ]
        context["latest_visits"] = visits.most_recent(5)
        context["visits_chart"] = charts.visits_per_year(visits)
        context["instruments_chart"] = charts.instruments_by_level_and_kind()
        context["calls_chart"] = charts.calls_closing_soon()
        return context
