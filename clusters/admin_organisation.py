"""Editing organisations without making duplicates: the accent- and case-blind search behind
every organisation autocomplete, the guard on the add form that shows similar organisations
before saving, and the action that merges two records of one organisation.

Kept out of ``clusters/admin.py`` as mixins so that ``OrganisationAdmin`` reads as configuration.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import Contains
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy

from clusters.identity import reason_label, resolve
from clusters.models import Organisation
from clusters.services import merge_organisations
from core.fulltext import BooleanOp, Fold, SearchText

# How many of the resolver's matches the admin search puts first.
RESOLVED_IN_SEARCH = 5


def folded_name_search(queryset, search_term: str):
    """Rows whose names, acronym, alternative names or city contain every word of
    ``search_term`` once both are folded ("pole vehicule", "isim", "dusseldorf"), or whose names
    are within a typo of it. One filter on the row itself, so no DISTINCT is needed."""
    text = SearchText(search_term)
    if not text:
        return queryset
    words = Q()
    for word in text.words:
        words &= Q(search_title__contains=word) | Q(Contains(Fold(F("city")), word))
    typo = Q(BooleanOp(Fold(Value(text.text)), "<%%", F("search_title")))
    return queryset.filter(words | typo)


class OrganisationAdminForm(forms.ModelForm):
    """Refuses to save a new name close to an existing organisation's until "Create anyway" is
    ticked, listing the candidates with a link to each (in a popup: a link that selects it)."""

    confirm_new = forms.BooleanField(
        label=gettext_lazy("Create anyway"),
        required=False,
        help_text=gettext_lazy("Tick to save although the organisations listed look like the same one."),
    )
    # Set by the admin for a form shown in an "add another" popup: the query string that selects.
    popup_query = None

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("name")
        checking = self.instance._state.adding or "name" in self.changed_data
        if name and checking and not cleaned_data.get("confirm_new"):
            candidates = list(
                Organisation.objects.similar_names(
                    name,
                    exclude_pk=self.instance.pk,
                    country=str(cleaned_data.get("country") or ""),
                    kind=cleaned_data.get("kind") or "",
                )
            )
            if candidates:
                self.add_error("confirm_new", ValidationError(self.describe(candidates), code="possible_duplicate"))
        return cleaned_data

    def describe(self, candidates):
        rows = []
        for organisation in candidates:
            change_url = reverse("admin:clusters_organisation_change", args=[organisation.pk])
            if self.popup_query is not None:
                select_url = reverse("admin:clusters_organisation_select", args=[organisation.pk])
                action = format_html('<a href="{}?{}">{}</a>', select_url, self.popup_query, gettext("Use this one"))
            else:
                action = format_html('<a href="{}">{}</a>', change_url, gettext("Open it instead"))
            rows.append(
                (
                    change_url,
                    str(organisation),
                    organisation.country.name or gettext("no country"),
                    organisation.get_kind_display(),
                    reason_label(organisation.identity_reason),
                    action,
                )
            )
        row = '<li><a href="{}">{}</a> ({}, {}; ' + gettext("reason: {}") + ") — {}</li>"
        items = format_html_join("", row, rows)
        return format_html(
            gettext(
                'Similar organisations already exist: <ul class="possible-duplicates">{}</ul>'
                "Link to one of them instead, or tick “Create anyway” to save a new one."
            ),
            items,
        )


class OrganisationEditingMixin:
    """For ``OrganisationAdmin``: folded search, the duplicate guard and the merge action."""

    form = OrganisationAdminForm
    actions = ["merge_selected"]
    duplicates_fieldset = (
        "Possible duplicates",
        {"fields": ["confirm_new"], "description": "Check that this organisation is not on record yet."},
    )

    def get_search_results(self, request, queryset, search_term):
        """The folded search, and the organisations the identity resolver finds for the term
        (an acronym's initials, a transliteration, a slip, generic words in another language),
        those first, best first."""
        found = folded_name_search(queryset, search_term)
        text = SearchText(search_term)
        if not text:
            return found, False
        matches = resolve(text.text, limit=RESOLVED_IN_SEARCH)
        if not matches:
            return found, False
        ranks = [When(pk=m.organisation.pk, then=Value(rank)) for rank, m in enumerate(matches)]
        found = (found | queryset.filter(pk__in=[m.organisation.pk for m in matches])).order_by(
            Case(*ranks, default=Value(len(matches))), *(queryset.query.order_by or self.model._meta.ordering)
        )
        return found, False

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        # The "Create anyway" box is only shown when the name typed resembles existing ones.
        if request.method == "POST" and request.POST.get("name"):
            if not hasattr(request, "_organisation_duplicates"):
                request._organisation_duplicates = Organisation.objects.similar_names(
                    request.POST["name"], exclude_pk=obj.pk if obj else None
                ).exists()
            if request._organisation_duplicates:
                return [self.duplicates_fieldset, *fieldsets]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if IS_POPUP_VAR in request.GET or IS_POPUP_VAR in request.POST:
            to_field = request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR, "id"))
            form.popup_query = urlencode({IS_POPUP_VAR: 1, TO_FIELD_VAR: to_field})
        return form

    def get_urls(self):
        urls = super().get_urls()
        return [
            path(
                "<path:object_id>/select/",
                self.admin_site.admin_view(self.select_in_popup_view),
                name="clusters_organisation_select",
            ),
            *urls,
        ]

    def select_in_popup_view(self, request, object_id):
        """Closes an "add another" popup choosing an existing organisation instead of a new one."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        to_field = request.GET.get(TO_FIELD_VAR, "id")
        if not self.to_field_allowed(request, to_field):
            raise DisallowedModelAdminToField(f"The field {to_field} cannot be referenced.")
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        data = json.dumps({"value": str(getattr(obj, to_field)), "obj": str(obj)})
        opts = self.opts
        return TemplateResponse(
            request,
            self.popup_response_template
            or [
                f"admin/{opts.app_label}/{opts.model_name}/popup_response.html",
                f"admin/{opts.app_label}/popup_response.html",
                "admin/popup_response.html",
            ],
            {"popup_response_data": data},
        )

    # Merging deletes the duplicate. Only "delete": Django offers an action to whoever holds ANY
    # of the permissions listed, so ["change", "delete"] let editors (who never delete) merge.
    @admin.action(description="Merge selected organisations…", permissions=["delete"])
    def merge_selected(self, request, queryset):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        organisations = list(queryset.order_by("pk")[:3])
        if len(organisations) != 2:
            self.message_user(request, "Select exactly two organisations to merge.", messages.WARNING)
            return None
        chosen = request.POST.get("survivor")
        if request.POST.get("confirm_merge") and chosen in {str(o.pk) for o in organisations}:
            survivor, duplicate = sorted(organisations, key=lambda o: str(o.pk) != chosen)
            duplicate_name = str(duplicate)
            try:
                survivor = merge_organisations(survivor=survivor, duplicate=duplicate, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"Not merged: {' '.join(error.messages)}", messages.ERROR)
                return None
            self.message_user(
                request,
                format_html(
                    "{} was merged into <a href='{}'>{}</a>; its name is kept as an alternative name.",
                    duplicate_name,
                    reverse("admin:clusters_organisation_change", args=[survivor.pk]),
                    survivor,
                ),
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge two organisations",
            "opts": self.opts,
            "organisations": organisations,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_selected",
        }
        return TemplateResponse(request, "admin/clusters/organisation/merge.html", context)
