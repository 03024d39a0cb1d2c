"""What describes and connects organisations: their other names, labels, memberships of one
another and contact persons."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clusters.models.organisation import Organisation
from clusters.models.querysets import LabelQuerySet
from clusters.triggers import alternative_names_changed
from core.models import TimeStampedModel, as_of_fields, period_check, tracked_history
from core.provenance import Dated, dated


class AlternativeName(TimeStampedModel):
    """Another name an organisation is known by: an acronym, a translation, a spelling in
    another script or without diacritics, a former name."""

    class Kind(models.TextChoices):
        ACRONYM = "acronym", _("Acronym")
        TRANSLATION = "translation", _("Translation")
        TRANSLITERATION = "transliteration", _("Other script / transliteration")
        SPELLING = "spelling", _("Other spelling")
        FORMER = "former", _("Former name")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="alternative_names")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TRANSLATION)
    language = models.CharField(max_length=8, blank=True, help_text="ISO 639-1 code, e.g. fr, ru, tr.")

    class Meta(TimeStampedModel.Meta):
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="alternative_name_unique_per_organisation")
        ]
        triggers = [*TimeStampedModel.Meta.triggers, *alternative_names_changed()]

    def __str__(self):
        return self.name


class Label(TimeStampedModel):
    """A quality label or status an organisation holds: ESCA bronze/silver/gold, or a national
    label such as the French pole of competitiveness status."""

    class Kind(models.TextChoices):
        ESCA_BRONZE = "esca_bronze", _("ESCA Bronze")
        ESCA_SILVER = "esca_silver", _("ESCA Silver")
        ESCA_GOLD = "esca_gold", _("ESCA Gold")
        NATIONAL = "national", _("National label")
        OTHER = "other", _("Other label")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200, blank=True, help_text="For national and other labels.")
    awarded_on = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    # The source that states it holds the label (and its validity), with that source's date.
    as_of, source = as_of_fields("label")
    note = models.CharField(max_length=250, blank=True)

    objects = LabelQuerySet.as_manager()
    history = tracked_history()

    class Meta(TimeStampedModel.Meta):
        ordering = ["organisation", "kind"]
        constraints = [
            period_check(
                "awarded_on", "valid_until", "label_valid_after_awarded", "A label cannot expire before it was awarded."
            ),
        ]

    def __str__(self):
        return self.name or self.get_kind_display()

    @property
    def is_expired(self) -> bool:
        """Past its valid-until date (the same rule as ``Label.objects.expired()``)."""
        return self.valid_until is not None and self.valid_until < timezone.localdate()

    @property
    def dated(self) -> Dated:
        """The label and its validity as the source stated them on its date ("ESCA Gold, valid
        until Dec 2019 as of Jul 2017, per ..."), never a bare "valid" from an old source."""
        claim = str(self)
        if self.valid_until:
            claim = gettext("%(label)s, valid until %(date)s") % {
                "label": claim,
                "date": date_format(self.valid_until, "M Y"),
            }
        return dated(claim, self.as_of, self.source)


class Membership(TimeStampedModel):
    """``member`` belongs to ``group`` in a role: a company in a pole, the anchor firm of a
    cluster, the coordinator of a network, a seat on a board."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        ANCHOR = "anchor", _("Anchor member")
        COORDINATOR = "coordinator", _("Coordinator")
        BOARD = "board", _("Board member")
        FOUNDER = "founder", _("Founder")
        PARTNER = "partner", _("Partner")

    group = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="membership_links")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year.")
    note = models.CharField(max_length=250, blank=True)

    history = tracked_history()

    class Meta(TimeStampedModel.Meta):
        ordering = ["group", "role", "member"]
        constraints = [
            models.UniqueConstraint(fields=["group", "member", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=~Q(group=F("member")),
                name="membership_not_self",
                violation_error_message="An organisation cannot be a member of itself.",
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.get_role_display().lower()} of {self.group}"


class ContactPerson(TimeStampedModel):
    """A named person to contact at an organisation. Personal data: shown only to those
    ``core.roles.can_see_contacts`` lets see them (staff, Readers, verified addresses in listed domains)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta(TimeStampedModel.Meta):
        ordering = ["organisation", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.organisation})"
