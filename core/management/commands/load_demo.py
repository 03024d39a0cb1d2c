from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo data set (stub, replaced by the real loader)."

    def handle(self, *args, **options):
        pass
