"""Admin for funding instruments, their calls and the projects they paid for."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clusters.admin import EcosystemCheckboxesMixin
from core.admin import BoundedInlineMixin, RecordAdmin
from core.importing import AllOrNothingImportExportMixin
from funding.models import Call, Eligibility, Instrument, Project, ProjectPartner
from funding.resources import CallResource, InstrumentResource


class UnderInstrumentAdmin(RecordAdmin):
    """Calls and projects: listed with, filtered by and picked by the instrument they come under."""

    list_filter = [("instrument", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["instrument"]
    autocomplete_fields = ["instrument"]


class EligibilityInline(BoundedInlineMixin, admin.TabularInline):
    model = Eligibility
    extra = 0
    fields = ["beneficiary_type", "co_funding_rate", "condition_kind", "condition", "note"]


@admin.register(Instrument)
class InstrumentAdmin(AllOrNothingImportExportMixin, EcosystemCheckboxesMixin, RecordAdmin, SimpleHistoryAdmin):
    resource_classes = [InstrumentResource]
    list_display = ["name", "acronym", "kind", "level", "status", "managing_body", "co_funding_rate", "parent"]
    list_filter = ["kind", "level", "status", "ecosystems"]
    list_select_related = ["managing_body", "parent"]
    search_fields = ["name", "acronym", "managing_body__name", "managing_body__acronym"]
    search_help_text = "Name or acronym of the instrument or of its managing body."
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ["managing_body", "parent", "successor"]
    inlines = [EligibilityInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "acronym", "kind", "level", ("status", "status_as_of", "status_source")]}),
        ("Who", {"fields": ["managing_body", "parent", "successor"]}),
        (
            "Terms",
            {
                "fields": [
                    "eligible_countries",
                    "bilateral_partner_countries",
                    ("co_funding_rate", "rate_as_of", "rate_source"),
                    ("budget", "currency", "budget_is_approximate"),
                    ("start_date", "end_date"),
                    "calls_per_year",
                    "eligible_activities",
                ]
            },
        ),
        ("Description", {"fields": ["url", "description"]}),
        ("Classification", {"fields": ["ecosystems", "tags"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]


@admin.register(Eligibility)
class EligibilityAdmin(admin.ModelAdmin):
    list_display = ["instrument", "beneficiary_type", "co_funding_rate", "condition_kind", "condition", "note"]
    list_filter = ["beneficiary_type"]
    list_select_related = ["instrument"]
    search_fields = ["instrument__name", "instrument__acronym", "note"]
    search_help_text = "Instrument name or acronym, or note."
    autocomplete_fields = ["instrument"]


@admin.register(Call)
class CallAdmin(AllOrNothingImportExportMixin, UnderInstrumentAdmin, SimpleHistoryAdmin):
    resource_classes = [CallResource]
    list_display = ["title", "instrument", "number", "opens_on", "deadline", "budget", "currency"]
    search_fields = ["title", "instrument__name", "instrument__acronym"]
    search_help_text = "Call title, or the instrument's name or acronym."
    date_hierarchy = "deadline"
    prepopulated_fields = {"slug": ("title",)}


class ProjectPartnerInline(BoundedInlineMixin, admin.TabularInline):
    model = ProjectPartner
    extra = 0
    fields = ["organisation", "role", "partner_code", "responsibility"]
    autocomplete_fields = ["organisation"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


@admin.register(Project)
class ProjectAdmin(EcosystemCheckboxesMixin, UnderInstrumentAdmin):
    list_display = ["name", "acronym", "instrument", "programme", "funder", "start_date", "end_date", "partners_count"]
    list_select_related = ["instrument", "programme", "funder"]
    list_filter = [*UnderInstrumentAdmin.list_filter, "ecosystems"]
    search_fields = ["name", "acronym", "instrument__name", "instrument__acronym"]
    search_help_text = "Name or acronym of the project or of its instrument."
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("name",)}
    # The autocomplete offers poles only: it applies the field's limit_choices_to.
    autocomplete_fields = [*UnderInstrumentAdmin.autocomplete_fields, "programme", "funder", "labelled_by"]
    inlines = [ProjectPartnerInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "acronym"]}),
        ("Funding", {"fields": ["funder", "programme", "instrument"]}),
        ("When", {"fields": [("start_date", "end_date", "date_precision")]}),
        ("Partners", {"fields": ["partner_countries", "partners_count", "labelled_by"]}),
        ("Budget", {"fields": [("budget", "currency")]}),
        ("Description", {"fields": ["url", "description"]}),
        ("Classification", {"fields": ["ecosystems", "tags"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]


@admin.register(ProjectPartner)
class ProjectPartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "project", "role", "partner_code", "responsibility"]
    list_filter = ["role"]
    list_select_related = ["organisation", "project"]
    search_fields = ["organisation__name", "organisation__acronym", "project__name", "project__acronym"]
    search_help_text = "Name or acronym of the organisation or of the project."
    autocomplete_fields = ["organisation", "project"]
