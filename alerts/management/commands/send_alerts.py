from django.core.management.base import BaseCommand

from alerts.sending import send_alerts


class Command(BaseCommand):
    help = (
        "Send the saved searches' digests and deadline reminders and the follows' news that are due. "
        "Idempotent: each record at most once per alert, also when two runs overlap; run it every 15 minutes."
    )

    def handle(self, *args, **options):
        summary = send_alerts()
        self.stdout.write(summary.line())
