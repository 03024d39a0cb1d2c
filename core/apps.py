from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core.admin import install_autocomplete_guard

        install_autocomplete_guard()
