"""Bulk import and export through the admin (django-import-export).

Rows are matched by slug, so re-importing an export updates records instead of duplicating
them; related records are written by slug too. Every row is validated like a form would
(``full_clean``: field validators and the model's constraints), the dry run shows row errors
and a diff, and the import itself is all or nothing.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, JSON
from taggit.managers import TaggableManager
from taggit.models import Tag


class TagsWidget(widgets.ManyToManyWidget):
    """Tags as a comma-separated list of names; unknown names become new tags."""

    def __init__(self):
        super().__init__(Tag, separator=",", field="name")

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in str(value or "").split(self.separator) if name.strip()]
        return [Tag.objects.get_or_create(name=name)[0] for name in dict.fromkeys(names)]

    def render(self, value, obj=None, **kwargs):
        return ", ".join(sorted(tag.name for tag in value.all())) if value is not None else ""


def tags_field() -> fields.Field:
    return fields.Field(attribute="tags", column_name="tags", widget=TagsWidget())


class NaturalKeyResource(resources.ModelResource):
    """Base of every resource: matched by slug, validated, all or nothing, unchanged rows skipped.
    Related records are read and written by slug (several: comma-separated), tags by name, so a
    resource lists its columns in ``Meta.fields`` and declares none of them."""

    class Meta:
        import_id_fields = ["slug"]
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        if isinstance(django_field, TaggableManager):
            return tags_field()
        if django_field.many_to_many:
            widget = widgets.ManyToManyWidget(django_field.related_model, ",", "slug")
        elif django_field.many_to_one:
            widget = widgets.ForeignKeyWidget(django_field.related_model, "slug")
        else:
            return super().field_from_django_field(field_name, django_field, readonly)
        return fields.Field(attribute=field_name, column_name=field_name, widget=widget, readonly=readonly)


class AllOrNothingImportExportMixin(ImportExportMixin):
    """Import and export buttons for a model admin, CSV and JSON. The confirmed import rolls
    back on any row error, validation errors included (import-export only rolls back on
    exceptions by default), and then says so instead of reporting success."""

    formats = [CSV, JSON]

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                "Nothing was imported: some rows have errors. Run the import again to see them.",
                messages.ERROR,
            )
            app_label, model_name = self.get_model_info()
            url = reverse(f"admin:{app_label}_{model_name}_import", current_app=self.admin_site.name)
            return HttpResponseRedirect(url)
        return super().process_result(result, request)
