"""Admin for visits. A visit, with its itinerary, participants, findings and follow-ups, is
entered on one page; the parts are also listed on their own for searching across visits."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from clusters.admin import EcosystemCheckboxesMixin
from core.admin import (
    BoundedInlineMixin,
    CountryListFilter,
    HistoryLinkInlineMixin,
    InlineHistoryMixin,
    RecordAdmin,
)
from visits.admin_import import VisitJsonImportMixin
from visits.forms import AttachmentForm
from visits.models import Attachment, Finding, FollowUp, ItineraryStop, Participant, Visit


class ItineraryStopInline(BoundedInlineMixin, HistoryLinkInlineMixin, admin.TabularInline):
    model = ItineraryStop
    extra = 0
    fields = ["day", "position", "date", "host", "place", "country", "description"]
    autocomplete_fields = ["host"]


class ParticipantInline(BoundedInlineMixin, HistoryLinkInlineMixin, admin.TabularInline):
    model = Participant
    extra = 0
    fields = ["role", "organisation", "person_name", "position", "group", "count", "country"]
    autocomplete_fields = ["organisation"]


class FindingInline(BoundedInlineMixin, HistoryLinkInlineMixin, admin.StackedInline):
    model = Finding
    extra = 0
    fields = ["position", "text", "subject", ("figure_label", "value", "unit", "is_approximate")]
    autocomplete_fields = ["subject"]


class FollowUpInline(BoundedInlineMixin, admin.TabularInline):
    model = FollowUp
    fk_name = "visit"  # FollowUp also points to a visit through ``outcome``.
    extra = 0
    fields = ["action", "owner", "due_date", "due_precision", "status", "outcome"]
    autocomplete_fields = ["owner", "outcome"]


class AttachmentInline(BoundedInlineMixin, admin.TabularInline):
    model = Attachment
    form = AttachmentForm
    extra = 0
    fields = ["file", "kind", "title", "original_name", "content_type", "size"]
    readonly_fields = ["original_name", "content_type", "size"]


@admin.register(Visit)
class VisitAdmin(VisitJsonImportMixin, EcosystemCheckboxesMixin, RecordAdmin, InlineHistoryMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "start_date", "city", "country", "organiser", "account_of", "status"]
    list_filter = ["status", "kind", "language", ("country", CountryListFilter), "ecosystems"]
    list_select_related = ["organiser", "account_of"]
    search_fields = ["title", "venue", "city", "organiser__name", "organiser__acronym", "hosts__name", "hosts__acronym"]
    search_help_text = "Title, venue, city, or the name or acronym of the organiser or a host."
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ["organiser", "delegation", "hosts", "project", "instruments", "account_of"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    inlines = [ItineraryStopInline, ParticipantInline, FindingInline, FollowUpInline, AttachmentInline]
    history_inlines = [(ItineraryStop, "visit"), (Participant, "visit"), (Finding, "visit")]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (
            "What, when, where",
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    ("start_date", "end_date", "date_precision"),
                    "date_note",
                    "venue",
                    ("city", "region", "country"),
                ]
            },
        ),
        (
            "Who",
            {
                "fields": [
                    "organiser",
                    "delegation",
                    "hosts",
                    "project",
                    "instruments",
                    "participants_count",
                    "participant_countries",
                ]
            },
        ),
        ("Report", {"fields": ["language", "purpose", "summary", "report", "summary_en"]}),
        (
            "Source",
            {
                "fields": ["source_citation", "source_url", "source_date", "account_of"],
                "description": "A report that tells a visit already on record again: point “Another account "
                "of” at that first record, keep this report's own dates and figures.",
            },
        ),
        ("Classification", {"fields": ["ecosystems", "tags"]}),
        ("Status", {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    @admin.action(description="Publish selected visits", permissions=["change"])
    def publish(self, request, queryset):
        # One by one through validation: a report not in English needs its English summary
        # first, and a bulk UPDATE would hit the database constraint instead.
        published, refused = 0, []
        for visit in queryset.exclude(status=Visit.Status.PUBLISHED):
            visit.status = Visit.Status.PUBLISHED
            try:
                visit.full_clean()
            except ValidationError as error:
                refused.append(f"{visit}: {' '.join(error.messages)}")
                continue
            visit.save()
            published += 1
        if published:
            self.message_user(request, f"Published {published} visit(s).", messages.SUCCESS)
        for line in refused:
            self.message_user(request, f"Not published — {line}", messages.WARNING)

    @admin.action(description="Unpublish selected visits", permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Visit.Status.PUBLISHED).update(
            status=Visit.Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(request, f"Unpublished {count} visit(s).", messages.SUCCESS)


class VisitPartAdmin(admin.ModelAdmin):
    """Shared by the parts of a visit listed on their own: found by their visit's title."""

    list_select_related = ["visit"]
    autocomplete_fields = ["visit"]


@admin.register(ItineraryStop)
class ItineraryStopAdmin(VisitPartAdmin, SimpleHistoryAdmin):
    list_display = ["visit", "day", "position", "date", "host", "place", "country"]
    list_filter = [("country", CountryListFilter)]
    list_select_related = ["visit", "host"]
    search_fields = ["visit__title", "place", "host__name", "host__acronym", "description"]
    search_help_text = "Visit title, place, host name or acronym, or description."
    autocomplete_fields = ["visit", "host"]
    date_hierarchy = "date"


@admin.register(Participant)
class ParticipantAdmin(VisitPartAdmin, SimpleHistoryAdmin):
    list_display = ["visit", "role", "person_name", "organisation", "group", "count", "country"]
    list_filter = ["role", ("country", CountryListFilter)]
    list_select_related = ["visit", "organisation"]
    search_fields = ["visit__title", "person_name", "position", "group", "organisation__name", "organisation__acronym"]
    search_help_text = "Visit title, person, position, group, or organisation name or acronym."
    autocomplete_fields = ["visit", "organisation"]


@admin.register(Finding)
class FindingAdmin(VisitPartAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "visit", "subject", "value", "unit", "is_approximate"]
    list_filter = ["unit", "is_approximate"]
    list_select_related = ["visit", "subject"]
    search_fields = ["text", "figure_label", "visit__title", "subject__name", "subject__acronym"]
    search_help_text = "Finding text or figure, visit title, or the subject's name or acronym."
    autocomplete_fields = ["visit", "subject"]


@admin.register(FollowUp)
class FollowUpAdmin(VisitPartAdmin):
    list_display = ["action", "visit", "owner", "due_date", "status", "outcome"]
    list_filter = ["status", "due_precision"]
    list_select_related = ["visit", "owner", "outcome"]
    search_fields = ["action", "visit__title", "owner__name", "owner__acronym", "outcome__title"]
    search_help_text = "Action, visit title, owner name or acronym, or the title of the visit that carried it out."
    autocomplete_fields = ["visit", "owner", "outcome"]
    date_hierarchy = "due_date"


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "visit", "kind", "content_type", "size", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["visit"]
    search_fields = ["title", "original_name", "visit__title"]
    autocomplete_fields = ["visit"]
    form = AttachmentForm
    fields = ["visit", "file", "kind", "title", "original_name", "content_type", "size"]
    readonly_fields = ["original_name", "content_type", "size"]
