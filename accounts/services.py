"""Writes on a reader's account that touch several tables."""

from allauth.account.models import EmailAddress
from axes.models import AccessFailureLog, AccessLog
from django.db import transaction


class StaffAccountError(Exception):
    """Staff accounts are managed in the admin, not deleted by their owner."""


def sign_in_names(user) -> set[str]:
    """The names django-axes records this user's sign-ins under (core.security.axes_username)."""
    names = {user.get_username(), user.email.lower()}
    names.update(e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    return {n for n in names if n}


def delete_account(*, user) -> None:
    """Delete ``user`` and everything that hangs on it (e-mail addresses, saved searches, follows:
    their foreign keys cascade) and the log of its sign-ins, in one transaction. Staff accounts
    are refused: they are managed in the admin."""
    if user.is_staff or user.is_superuser:
        raise StaffAccountError
    with transaction.atomic():
        names = sign_in_names(user)
        AccessLog.objects.filter(username__in=names).delete()
        AccessFailureLog.objects.filter(username__in=names).delete()
        user.delete()
