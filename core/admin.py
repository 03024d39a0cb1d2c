"""Admin pieces every app's admin reuses: URL fields that assume https, tags of bounded length,
a country filter that offers only the countries in use, the history of inline rows, autocomplete
widgets that survive a malformed value, and editors' forms that fit (countries chosen in a search
box, inline fields labelled for screen readers)."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import models
from django.forms.formsets import TOTAL_FORM_COUNT
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.forms import TagField
from taggit.managers import TaggableManager
from taggit.models import Tag


class BoundedTagField(TagField):
    """Taggit's field, refusing a tag longer than the tag table holds (a database error, a 500,
    otherwise)."""

    def clean(self, value):
        tags = super().clean(value)
        limit = Tag._meta.get_field("name").max_length
        too_long = [tag for tag in tags if len(tag) > limit]
        if too_long:
            raise forms.ValidationError(
                _("A tag may be at most %(limit)d characters long: %(tag)s…"),
                code="tag_too_long",
                params={"limit": limit, "tag": too_long[0][:40]},
            )
        return tags


# A web address typed without a scheme ("www.polymeris.fr") is taken as https; tags are checked.
HTTPS_URLS = {
    models.URLField: {"assume_scheme": "https"},
    TaggableManager: {"form_class": BoundedTagField},
}


class TooManyInlineForms(SuspiciousOperation):
    """A post adding more inline rows than anyone types (a 400, logged as a security event)."""


class BoundedInlineFormSet(BaseInlineFormSet):
    """Refuses, before building a single form, a post that adds more than ``max_new_forms`` rows
    to the ones on record: Django would build, validate and render each of them (about 35 ms a
    form on the visit page, a worker held for a minute by 1,000 of them). Rows already on record
    are never capped, so a network with 600 members stays editable."""

    max_new_forms = 200

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        try:
            total = int(self.data.get(self.add_prefix(TOTAL_FORM_COUNT)))
        except (TypeError, ValueError):
            return  # the management form reports it as a form error
        if total <= self.max_new_forms:
            return
        existing = self.get_queryset().count() if self.instance.pk is not None else 0
        if total > existing + self.max_new_forms:
            raise TooManyInlineForms(f"{self.prefix}: {total} forms posted, {existing} rows on record.")


class BoundedInlineMixin:
    """For every admin inline: at most ``BoundedInlineFormSet.max_new_forms`` new rows a post."""

    formset = BoundedInlineFormSet


def _is_key(field, value) -> bool:
    """Whether ``field`` (the key an autocomplete selects by) can hold ``value``."""
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, ValueError, TypeError):
        return False
    return True


def install_autocomplete_guard() -> None:
    """An autocomplete widget re-rendered with a value that is no key ("abc" where an id goes)
    looks it up in the database and fails (a 500) instead of showing the form's own "Select a
    valid choice" error. Installed once, from ``CoreConfig.ready()``, for every admin form."""
    if getattr(AutocompleteMixin.optgroups, "guarded", False):
        return
    optgroups = AutocompleteMixin.optgroups

    def guarded_optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        key = opts.get_field(getattr(self.field.remote_field, "field_name", None) or opts.pk.attname)
        empty = self.choices.field.empty_values
        value = [v for v in value if str(v) in empty or _is_key(key, str(v))]
        return optgroups(self, name, value, attr)

    guarded_optgroups.guarded = True
    AutocompleteMixin.optgroups = guarded_optgroups


class CountryListFilter(admin.ChoicesFieldListFilter):
    """Offers only the countries that occur in the table, by name, instead of all 249 of them."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        used = set(
            model_admin.get_queryset(request)
            .exclude(**{field_path: ""})
            .order_by()
            .values_list(field_path, flat=True)
            .distinct()
        )
        self.used_choices = sorted(
            ((code, name) for code, name in field.flatchoices if code in used), key=lambda choice: str(choice[1])
        )

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {
            f"{i}__c": models.Count(pk_attname, filter=models.Q(**{self.lookup_kwarg: code}))
            for i, (code, _name) in enumerate(self.used_choices)
        }

    def choices(self, changelist):
        facet_counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        yield {
            "selected": self.lookup_val is None,
            "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
            "display": _("All"),
        }
        for i, (code, name) in enumerate(self.used_choices):
            yield {
                "selected": self.lookup_val is not None and code in self.lookup_val,
                "query_string": changelist.get_query_string({self.lookup_kwarg: code}, [self.lookup_kwarg_isnull]),
                "display": f"{name} ({facet_counts[f'{i}__c']})" if facet_counts else name,
            }


class HistoryLinkInlineMixin:
    """An inline whose every saved row links to its own history page, where an editor sees each
    change to the row and reverts it (the row's admin must be a ``SimpleHistoryAdmin``)."""

    @admin.display(description=_("history"))
    def history_link(self, obj):
        if obj is None or obj.pk is None:
            return ""
        opts = obj._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("History"))

    def get_fields(self, request, obj=None):
        return [*super().get_fields(request, obj), "history_link"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "history_link"]


class InlineHistoryMixin:
    """A ``SimpleHistoryAdmin`` whose history page also lists the changes to its inline rows
    (``history_inlines``: pairs of a tracked model and its foreign key to this one), deleted
    rows included: a row deleted on the parent's form has no history link left on the form, and
    this list is where an editor finds it and brings it back."""

    history_inlines: list[tuple[type, str]] = []
    inline_history_limit = 100
    object_history_template = "admin/object_history_with_inlines.html"

    def inline_changes(self, object_id) -> list:
        changes = []
        for model, fk_name in self.history_inlines:
            opts = model._meta
            records = (
                model.history.filter(**{f"{fk_name}_id": object_id})
                .select_related("history_user")
                .order_by("-history_date")[: self.inline_history_limit]
            )
            for record in records:
                record.model_name = opts.verbose_name
                record.history_url = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_history", args=[getattr(record, opts.pk.attname)]
                )
                changes.append(record)
        changes.sort(key=lambda record: record.history_date, reverse=True)
        return changes[: self.inline_history_limit]

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "inline_changes": self.inline_changes(unquote(object_id))}
        return super().history_view(request, object_id, extra_context)


class CountrySelectMultiple(forms.SelectMultiple):
    """Countries chosen by typing a few letters, instead of a 250-row box needing Ctrl-click: the
    admin's own select2 (jQuery and select2 shipped with Django, no network) on the static list of
    options, started by js/admin-country-select.js (a file: the Content-Security-Policy forbids
    inline script). Without JavaScript it stays the plain multiple select."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "admin-country-select", **(attrs or {})}, choices)

    @property
    def media(self):
        return forms.Media(
            js=[
                "admin/js/vendor/jquery/jquery.min.js",
                "admin/js/vendor/select2/select2.full.min.js",
                "admin/js/jquery.init.js",
                "js/admin-country-select.js",
            ],
            css={"screen": ["admin/css/vendor/select2/select2.min.css", "admin/css/autocomplete.css"]},
        )


class _LabelledFormSetMixin:
    """Every field of every inline row carries its column's name as aria-label: a tabular
    inline's <th> heads the column, but labels no field (axe: "Form elements must have labels")."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            label = field.label or (_("Delete") if name == "DELETE" else name)
            field.widget.attrs.setdefault("aria-label", str(label))


class EditorFormsMixin:
    """For a ModelAdmin: multiple-country fields as CountrySelectMultiple, and inline rows whose
    fields are labelled (_LabelledFormSetMixin)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, CountryField) and db_field.multiple:
            kwargs["widget"] = CountrySelectMultiple
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield type(formset.__name__, (_LabelledFormSetMixin, formset), {}), inline


class RecordAdmin(EditorFormsMixin, admin.ModelAdmin):
    """What the admins of the browsable records (organisations, visits, instruments, calls, projects)
    have alike: the editors' forms (EditorFormsMixin), web addresses that assume https, and the
    record's dates shown, not edited. Put it before InlineHistoryMixin and SimpleHistoryAdmin."""

    formfield_overrides = HTTPS_URLS
    readonly_fields = ["created_at", "updated_at"]
