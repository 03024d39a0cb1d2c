from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Overview page"

    def ready(self):
        from core.registry import NavEntry, registry

        registry.register_nav(NavEntry("home", _("Overview"), "home:home", 10, ("home:home",)))
