"""``send_alerts``: the digests, deadline reminders and follows that are due, each record once.

Per alert: ONE query per record type for its new matches (never a query per record), then ONE
``INSERT ... ON CONFLICT DO NOTHING RETURNING`` claiming them in ``Delivery``, and only the rows
this run inserted are mailed. Two runs that overlap compute the same matches, but the unique
constraints let only one of them insert each row: the other sends nothing. A mail that fails
gives its claims back, so the next run tries again.

E-mails show what an anonymous visitor sees (published records, never contact persons), in the
reader's language, with absolute links and a one-click unsubscribe link (``alerts.unsubscribe``).
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core import mail
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alerts import sources
from alerts.models import Delivery, Follow, Frequency, SavedSearch
from alerts.unsubscribe import unsubscribe_url

logger = logging.getLogger(__name__)

# Rows listed in one e-mail at most; the rest wait for the next one.
MAX_ITEMS = 50
PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
# A run every 15 minutes may come a little early: a digest is due this much before its period ends.
SLACK = datetime.timedelta(minutes=10)


@dataclass
class Item:
    kind: str
    record_id: int
    title: str
    url: str
    type_label: object
    reminder_date: datetime.date | None = None


@dataclass
class Summary:
    alerts: int = 0
    emails: int = 0
    records: int = 0
    failed: int = 0
    invalid: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"send_alerts: {self.alerts} alerts checked, {self.emails} e-mails sent, "
            f"{self.records} records delivered, {self.failed} failed"
        )


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _item(model, row, reminder_date=None) -> Item:
    return Item(
        sources.kind_of(model),
        row.pk,
        str(row),
        absolute(row.get_absolute_url()),
        model._meta.verbose_name,  # lazy: rendered in the reader's language
        reminder_date,
    )


def _undelivered(queryset, *, delivered, reminder: bool):
    """``queryset`` without the rows already delivered by this alert (a correlated NOT EXISTS)."""
    sent = delivered.filter(kind=sources.kind_of(queryset.model), record_id=OuterRef("pk"))
    sent = sent.filter(reminder_date=OuterRef("deadline")) if reminder else sent.filter(reminder_date__isnull=True)
    return queryset.filter(~Exists(sent))


def claim(*, user_id: int, items: list[Item], saved_search_id=None, follow_id=None) -> list[Item]:
    """Insert a delivery for each item, ON CONFLICT DO NOTHING, in one statement; the items this
    call inserted (those another run claimed first are left out)."""
    if not items:
        return []
    table = Delivery._meta.db_table
    sql = (
        f"INSERT INTO {table} (user_id, saved_search_id, follow_id, kind, record_id, reminder_date, sent_at) "
        "SELECT %s, %s, %s, r.kind, r.record_id, r.reminder_date, now() "
        "FROM unnest(%s::text[], %s::bigint[], %s::date[]) AS r(kind, record_id, reminder_date) "
        "ON CONFLICT DO NOTHING RETURNING kind, record_id, reminder_date"
    )
    params = [
        user_id,
        saved_search_id,
        follow_id,
        [i.kind for i in items],
        [i.record_id for i in items],
        [i.reminder_date for i in items],
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        won = set(cursor.fetchall())
    return [i for i in items if (i.kind, i.record_id, i.reminder_date) in won]


def release(items: list[Item], **alert) -> None:
    """Give back claims whose e-mail failed, so that the next run sends them."""
    for item in items:
        Delivery.objects.filter(
            kind=item.kind, record_id=item.record_id, reminder_date=item.reminder_date, **alert
        ).delete()


def send(*, user, language: str, subject: str, context: dict, token_target: str, conn) -> bool:
    """One e-mail with text and HTML parts and the List-Unsubscribe headers; True when sent."""
    link = unsubscribe_url(token_target)
    with translation.override(language):
        context = {
            **context,
            "user": user,
            "unsubscribe_url": link,
            "searches_url": absolute(reverse("alerts:searches")),
            "site_url": absolute("/"),
            "language": language,
        }
        text = render_to_string("alerts/email/alert.txt", context)
        html = render_to_string("alerts/email/alert.html", context)
        subject = f"{subject} · {_('Cluster Cooperation KB')}"
    message = mail.EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        connection=conn,
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # an SMTP failure must not stop the other alerts
        logger.exception("alert e-mail to user %s failed", user.pk)
        return False
    return True


def _deliver(
    summary: Summary, items: list[Item], alert: SavedSearch | Follow, conn, *, subject, intro, list_url, kind
) -> None:
    """Claims the items not yet sent for this saved search or follow (another run may hold some) and
    e-mails them to its owner, or releases them when the e-mail fails."""
    if isinstance(alert, SavedSearch):
        target, owner = f"search:{alert.pk}", {"saved_search_id": alert.pk}
    else:
        target, owner = f"follow:{alert.pk}", {"follow_id": alert.pk}
    user, language = alert.user, alert.language
    context = {"heading": subject, "intro": intro, "list_url": absolute(list_url), "kind": kind}
    won = claim(user_id=user.pk, items=items, **owner)
    if not won:
        return
    if send(
        user=user,
        language=language,
        subject=subject,
        context={**context, "items": won},
        token_target=target,
        conn=conn,
    ):
        summary.emails += 1
        summary.records += len(won)
    else:
        summary.failed += 1
        release(won, **owner)


def search_digest(search: SavedSearch, summary: Summary, conn) -> None:
    found = sources.matches(search.view_name, search.query, None)
    delivered = Delivery.objects.filter(saved_search=search)
    items = []
    for model, queryset in found.querysets:
        since = sources.new_since_field(model)
        rows = _undelivered(
            queryset.filter(**{f"{since}__gt": search.alerts_since}), delivered=delivered, reminder=False
        )
        items += [_item(model, row) for row in rows.order_by(f"-{since}", "-pk")[:MAX_ITEMS]]
    with translation.override(search.language):
        subject = _("New for “%(name)s”") % {"name": search.name}
        intro = _("New records matching your saved search “%(name)s”:") % {"name": search.name}
    _deliver(summary, items, search, conn, subject=subject, intro=intro, list_url=search.list_url(), kind="digest")


def search_reminders(search: SavedSearch, summary: Summary, conn, today: datetime.date) -> None:
    found = sources.matches(search.view_name, search.query, None)
    delivered = Delivery.objects.filter(saved_search=search)
    items = []
    for model, queryset in found.querysets:
        if "deadline" not in {f.name for f in model._meta.fields}:
            continue
        due = queryset.filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=search.reminder_days))
        rows = _undelivered(due, delivered=delivered, reminder=True).order_by("deadline", "pk")[:MAX_ITEMS]
        items += [_item(model, row, row.deadline) for row in rows]
    with translation.override(search.language):
        subject = _("Deadlines ahead for “%(name)s”") % {"name": search.name}
        intro = _("These calls of your saved search “%(name)s” close soon:") % {"name": search.name}
    _deliver(summary, items, search, conn, subject=subject, intro=intro, list_url=search.list_url(), kind="reminder")


def follow_news(follow: Follow, summary: Summary, conn) -> None:
    from alerts.follows import news  # noqa: PLC0415 (reads the domain apps)

    delivered = Delivery.objects.filter(follow=follow)
    items = []
    for model, queryset in news(follow.organisation_id):
        since = sources.new_since_field(model)
        rows = _undelivered(queryset.filter(**{f"{since}__gt": follow.created_at}), delivered=delivered, reminder=False)
        items += [_item(model, row) for row in rows.order_by(f"-{since}", "-pk")[:MAX_ITEMS]]
    org = follow.organisation
    with translation.override(follow.language):
        subject = _("News from %(organisation)s") % {"organisation": org.name}
        intro = _("New visits, projects and calls of %(organisation)s, which you follow:") % {"organisation": org.name}
    _deliver(summary, items, follow, conn, subject=subject, intro=intro, list_url=org.get_absolute_url(), kind="follow")


def _due(field_name: str, frequency_field: str | None, now) -> Q:
    """Alerts whose last e-mail is older than their period (less the slack), or never sent."""
    if frequency_field is None:
        return Q(**{f"{field_name}__isnull": True}) | Q(
            **{f"{field_name}__lte": now - PERIODS[Frequency.DAILY] + SLACK}
        )
    due = Q(**{f"{field_name}__isnull": True})
    for frequency, period in PERIODS.items():
        due |= Q(**{frequency_field: frequency, f"{field_name}__lte": now - period + SLACK})
    return due


def send_alerts(*, now=None) -> Summary:
    """Every digest, reminder and follow that is due, sent once."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    summary = Summary()
    active = {"user__is_active": True}
    digests = (
        SavedSearch.objects.filter(**active)
        .exclude(frequency=Frequency.NONE)
        .exclude(user__email="")
        .filter(_due("last_digest_at", "frequency", now))
        .select_related("user")
    )
    reminders = (
        SavedSearch.objects.filter(**active, reminder_days__isnull=False).exclude(user__email="").select_related("user")
    )
    follows = (
        Follow.objects.filter(**active)
        .exclude(user__email="")
        .filter(_due("last_sent_at", None, now))
        .select_related("user", "organisation")
    )
    conn = mail.get_connection()

    def each(alert, send_one, *args) -> bool:
        """One alert; an error in it is logged and counted, and the others still go out."""
        summary.alerts += 1
        try:
            send_one(alert, summary, conn, *args)
        except Exception:
            logger.exception("alert %r failed", alert)
            summary.failed += 1
            return False
        return True

    with conn:
        digested = [search.pk for search in digests if each(search, search_digest)]
        for search in reminders:
            if sources.list_view_of(search.view_name) is not None:
                each(search, search_reminders, today)
        followed = [follow.pk for follow in follows if each(follow, follow_news)]
    SavedSearch.objects.filter(pk__in=digested).update(last_digest_at=now)
    Follow.objects.filter(pk__in=followed).update(last_sent_at=now)
    return summary
