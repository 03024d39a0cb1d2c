from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

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
