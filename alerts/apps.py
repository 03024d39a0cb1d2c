from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    label = "alerts"
    verbose_name = "Saved searches and alerts"

    def ready(self):
        from alerts.personal_data import follows, saved_searches
        from core import personal_data

        personal_data.register("saved_searches", saved_searches)
        personal_data.register("follows", follows)
