from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    label = "alerts"
    verbose_name = "Saved searches and alerts"

    def ready(self):
        from alerts.personal_data import follows, saved_searches
        from alerts.templatetags.alerts import fill_follow
        from core import holes, personal_data

        holes.register("follow", fill_follow)

        personal_data.register("saved_searches", saved_searches)
        personal_data.register("follows", follows)
