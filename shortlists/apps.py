from django.apps import AppConfig


class ShortlistsConfig(AppConfig):
    name = "shortlists"
    label = "shortlists"
    verbose_name = "Readers' shortlists"

    def ready(self):
        from core import holes, personal_data
        from shortlists.personal_data import shortlists
        from shortlists.templatetags.shortlists import fill_shortlist

        personal_data.register("shortlists", shortlists)
        holes.register("shortlist", fill_shortlist)
