from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreshnessConfig(AppConfig):
    name = "freshness"
    verbose_name = "Freshness"

    def ready(self):
        from core.registry import NavEntry, registry

        registry.register_nav(
            NavEntry("stale", _("Stale records"), "freshness:stale", 70, ("freshness:stale",), staff_only=True)
        )
