"""Signed one-click unsubscribe links: no sign-in, valid for ``ALERTS_UNSUBSCRIBE_MAX_AGE`` seconds.

A token names its alert (``search:<id>`` or ``follow:<id>``); ``django.core.signing`` makes it
tamper-proof and dated. Unsubscribing a saved search turns its e-mails off (the search stays
saved); unsubscribing a follow ends the follow.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "alerts.unsubscribe"


class BadToken(Exception):
    pass


def make_token(target: str) -> str:
    return signing.dumps(target, salt=SALT, compress=False)


def unsubscribe_url(target: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("alerts:unsubscribe", args=[make_token(target)])


def read_token(token: str) -> tuple[str, int]:
    """``("search" | "follow", id)`` of a valid token; ``BadToken`` when tampered or expired."""
    try:
        target = signing.loads(token, salt=SALT, max_age=settings.ALERTS_UNSUBSCRIBE_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise BadToken(str(error)) from error
    kind, _, pk = str(target).partition(":")
    if kind not in ("search", "follow") or not pk.isdigit():
        raise BadToken("unknown target")
    return kind, int(pk)


def unsubscribe(kind: str, pk: int) -> None:
    from alerts.models import Follow, SavedSearch  # noqa: PLC0415

    if kind == "search":
        SavedSearch.objects.filter(pk=pk).update(frequency="none", reminder_days=None)
    else:
        Follow.objects.filter(pk=pk).delete()
