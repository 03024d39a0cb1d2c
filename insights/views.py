from django.views.generic import TemplateView

from insights import graphs, worldmap


class MapView(TemplateView):
    """Organisations per country on a world (or Europe) map, with the same counts as a table."""

    template_name = "insights/map.html"
    view = "world"

    def get_context_data(self, **kwargs):
        return super().get_context_data(view=self.view, map=worldmap.organisations_by_country(view=self.view), **kwargs)


class NetworkView(TemplateView):
    """Clusters, poles and networks linked by the visits and events they shared."""

    template_name = "insights/network.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(network=graphs.network_overview(), **kwargs)
