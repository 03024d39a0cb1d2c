from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from insights import graphs, worldmap


class MapView(TemplateView):
    """Organisations per country on a world (or Europe) map, with the same counts as a table."""

    template_name = "insights/map.html"
    view = "world"
    views = {"world": ("insights:map", _("World")), "europe": ("insights:map-europe", _("Europe"))}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Organisations by country"),
            crumb=_("Map"),
            tabs_label=_("Map view"),
            tabs=[
                {"url": reverse(url_name), "title": title, "current": key == self.view}
                for key, (url_name, title) in self.views.items()
            ],
            map=worldmap.organisations_by_country(view=self.view),
            **kwargs,
        )


class NetworkView(TemplateView):
    """Clusters, poles and networks linked by the visits and events they shared."""

    template_name = "insights/network.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Network of clusters"), crumb=_("Network"), network=graphs.network_overview(), **kwargs
        )


class NetworkDataView(View):
    """The network page's picture as data: its nodes (organisations, and counted groups with a
    country as one node per country) and links with the number of shared visits and events."""

    def get(self, request):
        network = graphs.network_overview()

        def node(o):
            return {
                "id": str(o.pk),
                "name": str(o),
                "kind": o.kind,
                "country": o.country.code or None,
                "url": request.build_absolute_uri(o.get_absolute_url()),
            }

        return JsonResponse(
            {
                "nodes": [node(n["organisation"]) for n in network["nodes"]],
                "links": [
                    {"source": str(e["a"].pk), "target": str(e["b"].pk), "shared": e["count"]} for e in network["table"]
                ],
                "nodes_total": network["nodes_total"],
                "links_total": network["links_total"],
            },
            json_dumps_params={"ensure_ascii": False},
        )
