"""Create or refresh the demo superuser that `make run` prints the sign-in details of.

The password comes from DEMO_ADMIN_PASSWORD, or is generated once and kept in the git-ignored
.local/demo-admin-password so that every `make run` prints the same one. Production mode never
generates one: it needs DEMO_ADMIN_PASSWORD or refuses.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the demo superuser (username 'admin') and print how to sign in."

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        if not password:
            if settings.PRODUCTION:
                raise CommandError("Production mode: set DEMO_ADMIN_PASSWORD to create the demo superuser.")
            password = self._stored_password()
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.is_staff = user.is_superuser = True
            user.save()
        self.stdout.write(f"Admin sign-in: username '{USERNAME}', password '{password}'")

    def _stored_password(self) -> str:
        path = settings.BASE_DIR / ".local" / "demo-admin-password"
        if path.exists():
            return path.read_text().strip()
        path.parent.mkdir(exist_ok=True)
        password = secrets.token_urlsafe(12)
        path.write_text(password + "\n")
        path.chmod(0o600)
        return password
