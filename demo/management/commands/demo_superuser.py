"""Create or refresh the demo superuser that `make run` prints the sign-in details of.

The password comes from DEMO_ADMIN_PASSWORD, or is generated once and kept in the git-ignored
.local/demo-admin-password so that every `make run` prints the same one. Production mode never
generates one: it needs DEMO_ADMIN_PASSWORD or refuses.
"""

import hashlib
import json
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


def ensure_demo_superuser() -> str:
    """Create or refresh the superuser; return the sign-in line to print (also used by setup_demo)."""
    password = os.environ.get("DEMO_ADMIN_PASSWORD")
    if not password:
        if settings.PRODUCTION:
            raise CommandError("Production mode: set DEMO_ADMIN_PASSWORD to create the demo superuser.")
        password = stored_password()
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=USERNAME, defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"}
    )
    if created or not (checked_before(user, password) or user.check_password(password)):
        user.set_password(password)
        user.is_staff = user.is_superuser = True
        user.save()
    remember_check(user, password)
    return f"Admin sign-in: username '{USERNAME}', password '{password}'"


# An Argon2 check takes about a second on a busy machine. In development, remember which stored
# hash the password was last checked against (next to the password file, in the git-ignored
# .local/), so that `make run` checks again only when the password or the user's hash changed.
def _check_record(user, password: str) -> str:
    return json.dumps({"password_sha256": hashlib.sha256(password.encode()).hexdigest(), "hash": user.password})


def checked_before(user, password: str) -> bool:
    path = settings.BASE_DIR / ".local" / "demo-admin-checked"
    return not settings.PRODUCTION and path.exists() and path.read_text() == _check_record(user, password)


def remember_check(user, password: str) -> None:
    if settings.PRODUCTION:
        return
    path = settings.BASE_DIR / ".local" / "demo-admin-checked"
    path.parent.mkdir(exist_ok=True)
    path.write_text(_check_record(user, password))
    path.chmod(0o600)


def stored_password() -> str:
    path = settings.BASE_DIR / ".local" / "demo-admin-password"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(exist_ok=True)
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


class Command(BaseCommand):
    help = "Create the demo superuser (username 'admin') and print how to sign in."

    def handle(self, *args, **options):
        self.stdout.write(ensure_demo_superuser())
