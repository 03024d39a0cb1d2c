from core import appconfig


class AlertsConfig(appconfig.ReaderPartsConfig):
    name = "alerts"
    label = "alerts"
    verbose_name = "Saved searches and alerts"
    holes = {"follow": "alerts.templatetags.alerts.fill_follow"}
    personal_data = {
        "saved_searches": "alerts.personal_data.saved_searches",
        "follows": "alerts.personal_data.follows",
    }
