from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Visits and events"
