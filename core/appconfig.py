"""A base for the apps that add parts of a reader's own: holes in cached pages (core/holes.py)
and exporters for the download of their personal data (core/personal_data.py)."""

from django.apps import AppConfig
from django.utils.module_loading import import_string


class ReaderPartsConfig(AppConfig):
    """Registers ``holes`` and ``personal_data`` (name -> dotted path of the filler or exporter)
    when the app is ready. Import this module, not the class, in an ``apps.py``: Django picks the
    single ``AppConfig`` subclass it finds there."""

    holes: dict[str, str] = {}
    personal_data: dict[str, str] = {}

    def ready(self):
        from core import holes, personal_data

        for name, path in self.holes.items():
            holes.register(name, import_string(path))
        for key, path in self.personal_data.items():
            personal_data.register(key, import_string(path))
