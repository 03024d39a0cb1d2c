from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Map, network and charts"

    def ready(self):
        from core.registry import NavEntry, registry

        registry.register_nav(NavEntry("map", _("Map"), "insights:map", 50, ("insights:map", "insights:map-europe")))
        countries = ("insights:countries", "insights:country", "insights:country-pair")
        registry.register_nav(NavEntry("countries", _("Countries"), "insights:countries", 55, countries))
        registry.register_nav(NavEntry("network", _("Network"), "insights:network", 60, ("insights:network",)))
