from django.apps import AppConfig


class ShortlistsConfig(AppConfig):
    name = "shortlists"
    label = "shortlists"
    verbose_name = "Readers' shortlists"

    def ready(self):
        from core import personal_data
        from shortlists.personal_data import shortlists

        personal_data.register("shortlists", shortlists)
