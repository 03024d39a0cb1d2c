"""A reader's shortlists of organisations (partners to meet, clusters to benchmark), with notes,
and the read-only link they may share."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import count_related

MAX_ENTRIES = 200
MAX_SHORTLISTS = 50


def new_share_token() -> str:
    """A random, unguessable token (192 bits): the whole proof of a share link."""
    return secrets.token_urlsafe(24)


class ShortlistQuerySet(models.QuerySet):
    def with_counts(self):
        """Each list with ``entries_count``, the number of its organisations, as a subquery."""
        return self.annotate(entries_count=count_related(Entry, "shortlist"))


class Shortlist(models.Model):
    """A reader's named list of organisations; shared read-only through ``share_token`` while it is set."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shortlists")
    name = models.CharField(_("name"), max_length=200)
    share_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ShortlistQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("shortlist")
        verbose_name_plural = _("shortlists")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name=""),
                name="shortlist_name_not_empty",
                violation_error_message="A shortlist needs a name.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("shortlists:detail", args=[self.pk])

    def share_url(self) -> str:
        return reverse("shortlists:shared", args=[self.share_token]) if self.share_token else ""


class Entry(models.Model):
    """An organisation on a shortlist, with the reader's note on it."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    organisation = models.ForeignKey(
        "clusters.Organisation", on_delete=models.CASCADE, related_name="shortlist_entries"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("shortlist entry")
        verbose_name_plural = _("shortlist entries")
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "organisation"], name="shortlist_entry_once"),
        ]

    def __str__(self):
        return f"{self.organisation} on {self.shortlist}"
