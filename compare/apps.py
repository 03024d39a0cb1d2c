from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "compare"
    label = "compare"
    verbose_name = "Compare organisations"
