"""A reader's saved searches, the organisations they follow, and what was sent to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    NONE = "none", _("No e-mail")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class SavedSearch(models.Model):
    """A list page (or the global search) with its filters, saved by a reader under a name, and
    how they want to hear of new matches."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("name"), max_length=200)
    # The list's URL name ("funding:call-list") and its normalised query string (no "?", no page).
    view_name = models.CharField(max_length=100)
    query = models.CharField(max_length=2000, blank=True)
    language = models.CharField(max_length=10, default="en", help_text="The reader's language when saved.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(default=timezone.now)
    frequency = models.CharField(_("e-mail digest"), max_length=10, choices=Frequency.choices, default=Frequency.NONE)
    reminder_days = models.PositiveSmallIntegerField(
        _("deadline reminder (days before)"), null=True, blank=True, help_text=_("1 to 60; empty: no reminder.")
    )
    # Records published after this are news for the digest (set when the digest is switched on).
    alerts_since = models.DateTimeField(default=timezone.now)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder_days__isnull=True) | Q(reminder_days__gte=1, reminder_days__lte=60),
                name="saved_search_reminder_days_1_60",
                violation_error_message="A reminder is sent 1 to 60 days before the deadline.",
            ),
        ]
        indexes = [models.Index(fields=["frequency"], name="saved_search_frequency")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("alerts:search-open", args=[self.pk])

    def list_url(self) -> str:
        """The list with the saved filters; My searches when that list no longer exists."""
        try:
            path = reverse(self.view_name)
        except NoReverseMatch:
            return reverse("alerts:searches")
        return path + (f"?{self.query}" if self.query else "")


class Follow(models.Model):
    """A reader following an organisation: its new visits, projects and calls come by e-mail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    organisation = models.ForeignKey("clusters.Organisation", on_delete=models.CASCADE, related_name="followers")
    language = models.CharField(max_length=10, default="en")
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("follow")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="follow_once")]

    def __str__(self):
        return f"{self.user} follows {self.organisation}"


class Delivery(models.Model):
    """One record sent by one alert (a saved search's digest or reminder, or a follow). The
    unique constraints make ``send_alerts`` idempotent: a row is inserted, ON CONFLICT DO
    NOTHING, before the e-mail goes out, and only the rows a run inserted are sent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_deliveries")
    saved_search = models.ForeignKey(
        SavedSearch, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries")
    kind = models.CharField(max_length=50, help_text='The record\'s model, e.g. "funding.call".')
    record_id = models.BigIntegerField()
    # For a deadline reminder: the deadline it reminds of (a moved deadline is reminded again).
    reminder_date = models.DateField(null=True, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.CheckConstraint(
                condition=Q(saved_search__isnull=False, follow__isnull=True)
                | Q(saved_search__isnull=True, follow__isnull=False),
                name="delivery_one_alert",
                violation_error_message="A delivery belongs to a saved search or a follow.",
            ),
            models.UniqueConstraint(
                fields=["saved_search", "kind", "record_id", "reminder_date"],
                condition=Q(saved_search__isnull=False),
                nulls_distinct=False,
                name="delivery_once_per_search",
            ),
            models.UniqueConstraint(
                fields=["follow", "kind", "record_id"],
                condition=Q(follow__isnull=False),
                name="delivery_once_per_follow",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.record_id} to {self.user}"
