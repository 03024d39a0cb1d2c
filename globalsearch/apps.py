from django.apps import AppConfig


class GlobalSearchConfig(AppConfig):
    name = "globalsearch"
    verbose_name = "Global search"
