from django.apps import apps
from django.core.management.base import BaseCommand

from core.demo import load_all

SUMMARY_APPS = ("clusters", "visits", "funding")


class Command(BaseCommand):
    help = "Load the demo data set built from the five seed documents. Safe to run again: nothing changes."

    def handle(self, *args, **options):
        loader = load_all()
        if options["verbosity"] == 0:
            return
        changes = ", ".join(
            f"{label} {sum(counter.values())}"
            for label, counter in (
                ("created", loader.created),
                ("updated", loader.updated),
                ("deleted", loader.deleted),
            )
        )
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({changes})."))
        for app_label in SUMMARY_APPS:
            counts = [
                f"{model._meta.verbose_name_plural}: {model._default_manager.count()}"
                for model in apps.get_app_config(app_label).get_models()
                if model._meta.model_name != "ecosystem"
            ]
            self.stdout.write(f"  {app_label}: " + ", ".join(counts))
        if options["verbosity"] >= 2:
            for label, counter in (("created", loader.created), ("updated", loader.updated)):
                for model, n in sorted(counter.items()):
                    self.stdout.write(f"    {label} {model}: {n}")
