from core import appconfig


class ShortlistsConfig(appconfig.ReaderPartsConfig):
    name = "shortlists"
    label = "shortlists"
    verbose_name = "Readers' shortlists"
    holes = {"shortlist": "shortlists.templatetags.shortlists.fill_shortlist"}
    personal_data = {"shortlists": "shortlists.personal_data.shortlists"}
