"""Admin for organisations and what describes them. The admin is the editing UI of the project.

Also home to ``EcosystemCheckboxesMixin``, which the other apps' admins reuse.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from clusters.admin_organisation import OrganisationEditingMixin
from clusters.models import AlternativeName, ContactPerson, Ecosystem, Label, Membership, Organisation
from clusters.resources import OrganisationResource
from core.admin import (
    BoundedInlineMixin,
    CountryListFilter,
    HistoryLinkInlineMixin,
    InlineHistoryMixin,
    RecordAdmin,
)
from core.importing import AllOrNothingImportExportMixin


class EcosystemCheckboxesMixin:
    """The 14 ecosystems as checkboxes: a short fixed list reads better ticked than typed."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "ecosystems":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Ecosystem)
class EcosystemAdmin(admin.ModelAdmin):
    """Reference data: the 14 EU industrial ecosystems. Rarely edited, never deleted from here."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}

    def has_delete_permission(self, request, obj=None):
        # Removing an ecosystem would silently untag every record classified under it.
        return False


class AlternativeNameInline(BoundedInlineMixin, admin.TabularInline):
    model = AlternativeName
    extra = 1
    fields = ["name", "kind", "language"]


class LabelInline(BoundedInlineMixin, HistoryLinkInlineMixin, admin.TabularInline):
    model = Label
    extra = 0
    fields = ["kind", "name", "awarded_on", "valid_until", "as_of", "source", "note"]


class MembershipInlineForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        # On an inline form Django skips every constraint that names the parent's key (the parent
        # may not exist yet), so "membership_not_self" would only be met as a database error.
        # The inline formset has already set the parent's key on the instance.
        member = cleaned_data.get("member")
        if member is not None and member.pk == self.instance.group_id:
            raise ValidationError("An organisation cannot be a member of itself.", code="membership_not_self")
        return cleaned_data


class MembershipInline(BoundedInlineMixin, HistoryLinkInlineMixin, admin.TabularInline):
    """The organisation's members, edited on the group's page."""

    model = Membership
    form = MembershipInlineForm
    fk_name = "group"
    extra = 0
    fields = ["member", "role", "since", "note"]
    autocomplete_fields = ["member"]
    verbose_name = "member"
    verbose_name_plural = "members"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("member")


class ContactPersonInline(BoundedInlineMixin, admin.TabularInline):
    model = ContactPerson
    extra = 0
    fields = ["name", "role", "email", "phone"]


@admin.register(Organisation)
class OrganisationAdmin(
    OrganisationEditingMixin,
    AllOrNothingImportExportMixin,
    EcosystemCheckboxesMixin,
    RecordAdmin,
    InlineHistoryMixin,
    SimpleHistoryAdmin,
):
    resource_classes = [OrganisationResource]
    list_display = ["name", "acronym", "kind", "country", "city", "updated_at"]
    list_filter = ["kind", ("country", CountryListFilter), "ecosystems", "company_size"]
    # Alternative names let the autocomplete widgets elsewhere find "ПОЛЮС" by "Polyus" and a
    # pole by its former name. OrganisationEditingMixin searches them folded ("pole vehicule",
    # "isim") through the stored search_title, without a join, so without DISTINCT.
    search_fields = ["name", "acronym", "alternative_names__name", "city"]
    search_help_text = "Name, acronym, any alternative name or translation, or city."
    prepopulated_fields = {"slug": ("name",)}
    inlines = [AlternativeNameInline, LabelInline, MembershipInline, ContactPersonInline]
    history_inlines = [(Label, "organisation"), (Membership, "group")]
    fieldsets = [
        (None, {"fields": ["name", "slug", "acronym", "kind", "national_programme"]}),
        ("Where", {"fields": ["country", "region", "city", "address"]}),
        ("Contact", {"fields": ["website", "email", "phone", "fax"]}),
        ("Description", {"fields": ["description"]}),
        (
            "Figures",
            {
                "fields": [
                    "founded",
                    "company_size",
                    ("members_count", "members_count_is_approximate"),
                    ("members_count_as_of", "members_count_source"),
                    "member_countries_count",
                    ("members_small_pct", "members_medium_pct", "members_large_pct", "members_research_pct"),
                    ("public_funding_pct", "public_funding_as_of", "public_funding_source"),
                ],
                "description": "The member split (small, medium, large, research) may not exceed 100 %. "
                "A figure is dated by its source: the date and short citation of the source that states it "
                "(the member count's also date the member countries and split).",
            },
        ),
        ("Cooperation", {"fields": ["interest_topics", "target_countries", "ecosystems", "tags"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]


@admin.register(AlternativeName)
class AlternativeNameAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "language"]
    list_filter = ["kind", "language"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name", "organisation__acronym"]
    search_help_text = "Alternative name, or the organisation's name or acronym."
    autocomplete_fields = ["organisation"]


@admin.register(Label)
class LabelAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "kind", "awarded_on", "valid_until", "as_of"]
    list_filter = ["kind"]
    list_select_related = ["organisation"]
    search_fields = ["name", "note", "organisation__name", "organisation__acronym"]
    search_help_text = "Label name or note, or the organisation's name or acronym."
    autocomplete_fields = ["organisation"]
    date_hierarchy = "awarded_on"


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["member", "role", "group", "since"]
    list_filter = ["role"]
    list_select_related = ["member", "group"]
    search_fields = ["member__name", "member__acronym", "group__name", "group__acronym"]
    search_help_text = "Name or acronym of the member or of the group."
    autocomplete_fields = ["group", "member"]


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "email", "phone"]
    list_select_related = ["organisation"]
    search_fields = ["name", "role", "email", "organisation__name", "organisation__acronym"]
    search_help_text = "Person's name, role or e-mail, or the organisation's name or acronym."
    autocomplete_fields = ["organisation"]
