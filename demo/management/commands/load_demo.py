from django.apps import apps
from django.core.management.base import BaseCommand

from demo.records import load_all
from globalsearch import lexicon, search

SUMMARY_APPS = ("clusters", "visits", "funding")


def summarise(loader, stdout, style, verbosity: int) -> None:
    """What a load changed and how many rows each model now has (also used by setup_demo)."""
    if verbosity == 0:
        return
    changes = ", ".join(
        f"{label} {sum(counter.values())}"
        for label, counter in (
            ("created", loader.created),
            ("updated", loader.updated),
            ("deleted", loader.deleted),
        )
    )
    stdout.write(style.SUCCESS(f"Demo data loaded ({changes})."))
    for app_label in SUMMARY_APPS:
        counts = [
            f"{model._meta.verbose_name_plural}: {model._default_manager.count()}"
            for model in apps.get_app_config(app_label).get_models()
            if model._meta.model_name != "ecosystem" and not model._meta.proxy  # link proxies carry triggers
        ]
        stdout.write(f"  {app_label}: " + ", ".join(counts))
    if verbosity >= 2:
        for label, counter in (("created", loader.created), ("updated", loader.updated)):
            for model, n in sorted(counter.items()):
                stdout.write(f"    {label} {model}: {n}")


class Command(BaseCommand):
    help = "Load the demo data set built from the five seed documents. Safe to run again: nothing changes."

    def handle(self, *args, **options):
        summarise(load_all(), self.stdout, self.style, options["verbosity"])
        # The search's word list ("Did you mean", typos) now, not on the first search after start.
        lexicon.rebuild(search.specs())
