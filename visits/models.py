"""Delegation visits and events, and what they produced: itinerary, participants, findings,
follow-ups, each report kept in its own language."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from clusters.models import Ecosystem, Organisation
from core import fulltext
from core.languages import LANGUAGE_CHOICES, SEARCH_CONFIGS
from core.models import (
    SluggedModel,
    TimeStampedModel,
    date_precision_field,
    link_proxy,
    optional_fk,
    search_indexes,
    tracked_history,
)
from visits.querysets import VisitQuerySet
from visits.triggers import link_changed, visit_changed


class Visit(SluggedModel):
    """A delegation visit, study tour, workshop, conference, exchange forum, fair or
    matchmaking event, as reported by its source."""

    slug_source_field = "title"

    class Kind(models.TextChoices):
        STUDY_VISIT = "study_visit", _("Delegation visit / study tour")
        WORKSHOP = "workshop", _("Workshop")
        CONFERENCE = "conference", _("Conference")
        EXCHANGE_FORUM = "exchange_forum", _("Exchange forum")
        TRADE_FAIR = "trade_fair", _("Trade fair")
        MATCHMAKING = "matchmaking", _("Matchmaking")
        PROJECT_MEETING = "project_meeting", _("Project meeting")
        OTHER = "other", _("Other event")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=250)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Empty for a one-day event.")
    date_precision = date_precision_field(help_text="For events known only by month or year (e.g. planned ones).")
    date_note = models.CharField(
        max_length=120, blank=True, help_text='What the source says of an imprecise date, e.g. "autumn 2011".'
    )
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=120, blank=True)
    region = models.CharField(max_length=120, blank=True)
    country = CountryField(blank=True)

    organiser = optional_fk(Organisation, "organised_visits")
    delegation = models.ManyToManyField(
        Organisation, blank=True, related_name="visits_made", help_text="Visiting organisations."
    )
    hosts = models.ManyToManyField(Organisation, blank=True, related_name="visits_hosted")
    project = optional_fk("funding.Project", "visits")
    instruments = models.ManyToManyField(
        "funding.Instrument", blank=True, related_name="visits", help_text="Funding instruments the visit used."
    )
    account_of = optional_fk(
        "self",
        "other_accounts",
        on_delete=models.SET_NULL,
        verbose_name=_("another account of"),
        help_text="The visit already on record that this report tells again (from another source). "
        "Profiles, counts and graphs then show the event once.",
    )

    purpose = models.TextField(blank=True)
    summary = models.TextField(blank=True, help_text="Short summary in the report's language.")
    report = models.TextField(_("report text"), blank=True, help_text="Markdown, in the report's own language.")
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="en")
    summary_en = models.TextField(
        _("English summary"), blank=True, help_text="Required to publish a report that is not in English."
    )
    source_citation = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(blank=True)
    source_date = models.DateField(null=True, blank=True, help_text="When the source was published.")
    participants_count = models.PositiveIntegerField(null=True, blank=True)
    participant_countries = CountryField(multiple=True, blank=True)

    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="visits")
    tags = TaggableManager(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    search_vector = models.GeneratedField(
        expression=fulltext.names_vector("title", weight="A")
        + fulltext.text_vector("title", config=fulltext.LanguageConfig("language", SEARCH_CONFIGS), weight="A")
        + fulltext.text_vector("summary", config=fulltext.LanguageConfig("language", SEARCH_CONFIGS), weight="B")
        + fulltext.text_vector("summary_en", config="english", weight="B")
        + fulltext.text_vector(
            "purpose", "report", config=fulltext.LanguageConfig("language", SEARCH_CONFIGS), weight="C"
        )
        + fulltext.names_vector("venue", "city", "region", weight="D"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_title = models.GeneratedField(
        expression=fulltext.folded_names("title"), output_field=models.TextField(), db_persist=True
    )

    objects = VisitQuerySet.as_manager()
    history = tracked_history(m2m_fields=[delegation, hosts, ecosystems, instruments])

    class Meta(SluggedModel.Meta):
        ordering = ["-start_date", "title"]
        triggers = [*SluggedModel.Meta.triggers, *visit_changed()]
        indexes = [
            models.Index(fields=["status", "-start_date"]),
            models.Index(fields=["kind", "start_date"], name="visit_kind_start_date"),
            models.Index(fields=["language"], name="visit_language"),
            *search_indexes("visit"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="visit_end_after_start",
                violation_error_message="A visit cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(language="en") | ~Q(summary_en=""),
                name="visit_published_has_english_summary",
                violation_error_message="A report not in English needs an English summary to be published.",
            ),
            models.CheckConstraint(
                condition=~Q(account_of=F("pk")),
                name="visit_not_account_of_itself",
                violation_error_message="A visit cannot be another account of itself.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("visits:visit-detail", kwargs={"slug": self.slug})

    def clean(self):
        """Accounts point at the first record of their event, never at another account: no
        chains, so that "the event" of any visit is one step away (``primary_event``)."""
        super().clean()
        if self.account_of_id is None:
            return
        if self.pk is not None and self.account_of_id == self.pk:
            raise ValidationError({"account_of": _("A visit cannot be another account of itself.")})
        if self.account_of.account_of_id is not None:
            raise ValidationError(
                {
                    "account_of": _("That visit is itself another account; point at the first record, %(first)s.")
                    % {"first": self.account_of.account_of}
                }
            )
        if self.pk is not None and self.other_accounts.exists():
            raise ValidationError(
                {"account_of": _("Other accounts point at this visit; it cannot be another account itself.")}
            )

    @property
    def primary_event(self) -> "Visit":
        """The record that stands for the event: the visit itself, or the one it is an account of."""
        return self.account_of if self.account_of_id else self

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            from django.utils import timezone

            self.published_at = timezone.now()
        super().save(*args, **kwargs)


class ItineraryStop(TimeStampedModel):
    """One stop of a visit's programme: on day N, at a host and place, what happened."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="stops")
    day = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Day of the visit, from 1. Empty when the source does not say."
    )
    date = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within the day.")
    host = optional_fk(Organisation, "itinerary_stops")
    place = models.CharField(max_length=200, blank=True)
    country = CountryField(blank=True)
    description = models.TextField(blank=True)

    history = tracked_history()

    class Meta(TimeStampedModel.Meta):
        # Stops of an unknown day come after the dated ones.
        ordering = ["visit", F("day").asc(nulls_last=True), "position", "pk"]
        triggers = [*TimeStampedModel.Meta.triggers, *link_changed("host_id")]
        verbose_name = _("itinerary stop")
        constraints = [
            models.CheckConstraint(
                condition=Q(day__isnull=True) | Q(day__gte=1),
                name="stop_day_from_one",
                violation_error_message="Days are counted from 1.",
            ),
        ]

    def __str__(self):
        day = f"Day {self.day}" if self.day is not None else "Day not stated"
        return f"{day}: {self.host or self.place}"


class Participant(TimeStampedModel):
    """Who took part in a visit and how: a named person, an organisation, or a counted group
    (e.g. "seven clusters from Russia")."""

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("Delegation member")
        HOST = "host", _("Host")
        ORGANISER = "organiser", _("Organiser")
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        SUPPORTER = "supporter", _("Supporter")
        SPEAKER = "speaker", _("Speaker")
        ATTENDEE = "attendee", _("Attendee")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.ATTENDEE)
    organisation = optional_fk(Organisation, "participations")
    person_name = models.CharField(max_length=150, blank=True)
    position = models.CharField(max_length=250, blank=True, help_text="The person's job or office.")
    group = models.CharField(max_length=200, blank=True, help_text='An unnamed group, e.g. "Russian clusters".')
    count = models.PositiveIntegerField(null=True, blank=True, help_text="How many, for a group.")
    country = CountryField(blank=True)

    history = tracked_history()

    class Meta(TimeStampedModel.Meta):
        ordering = ["visit", "role", "pk"]
        triggers = [*TimeStampedModel.Meta.triggers, *link_changed()]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(person_name="") | ~Q(group=""),
                name="participant_is_someone",
                violation_error_message="Name a person, an organisation or a group.",
            ),
        ]

    def __str__(self):
        who = self.person_name or (str(self.organisation) if self.organisation_id else self.group)
        return f"{who} ({self.get_role_display()})"


class Finding(TimeStampedModel):
    """A lesson learned on a visit, optionally with a figure: "state share of a research
    project's funding: 40 %"."""

    class Unit(models.TextChoices):
        PERCENT = "percent", "%"
        COUNT = "count", _("count")
        EUR = "EUR", "EUR"
        YEAR = "year", _("year")
        HOUR = "hour", _("hours")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(help_text="The lesson, in your own words.")
    subject = optional_fk(Organisation, "findings_about", help_text="The organisation the finding is about, if any.")
    figure_label = models.CharField(max_length=200, blank=True, help_text="What the figure measures.")
    value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices, blank=True)
    is_approximate = models.BooleanField(default=False)

    history = tracked_history()

    class Meta(TimeStampedModel.Meta):
        ordering = ["visit", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit="percent") | Q(value__gte=0, value__lte=100),
                name="finding_percent_range",
                violation_error_message="A percentage must be between 0 and 100.",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True, unit="") | Q(value__isnull=False) & ~Q(unit=""),
                name="finding_value_has_unit",
                violation_error_message="A figure needs both a value and a unit.",
            ),
        ]

    def __str__(self):
        return self.figure_label or self.text[:80]


class FollowUp(TimeStampedModel):
    """An action agreed on a visit, e.g. the next visits planned, with owner, due date and status."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(max_length=300)
    owner = optional_fk(Organisation, "follow_ups_owned")
    due_date = models.DateField(null=True, blank=True)
    due_precision = date_precision_field()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    outcome = optional_fk(
        Visit, "follow_up_of", on_delete=models.SET_NULL, help_text="The visit or event that carried this action out."
    )

    class Meta(TimeStampedModel.Meta):
        ordering = ["visit", "due_date", "pk"]
        verbose_name = _("follow-up")

    def __str__(self):
        return self.action


def attachment_path(instance, filename: str) -> str:
    """Stored under a generated name: the uploader's file name never reaches the file system."""
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:10]
    return f"attachments/{uuid.uuid4().hex}{suffix}"


class Attachment(TimeStampedModel):
    """A file that belongs to a visit report: the original PDF, slides, photos. Served to the
    public only while its visit is published."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Original report")
        SLIDES = "slides", _("Slides")
        PHOTO = "photo", _("Photo")
        OTHER = "other", _("Other document")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORT)
    title = models.CharField(max_length=200, blank=True)
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta(TimeStampedModel.Meta):
        ordering = ["visit", "kind", "pk"]

    def __str__(self):
        return self.title or self.original_name or self.file.name


# The link tables of the many-to-many fields, named only to carry their triggers: the data
# version, and ``Organisation.took_part`` for the delegation and hosts (visits/triggers.py).
VisitDelegationLink = link_proxy(Visit.delegation, "VisitDelegationLink", *link_changed())
VisitHostLink = link_proxy(Visit.hosts, "VisitHostLink", *link_changed())
VisitEcosystemLink = link_proxy(Visit.ecosystems, "VisitEcosystemLink")
VisitInstrumentLink = link_proxy(Visit.instruments, "VisitInstrumentLink")
