"""Every field an editor can set is on its admin form: a field in the model but missing from the
form (``date_note``, the approximate member count once were) cannot be entered at all."""

import pytest
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from clusters.models import Organisation
from funding.models import Project
from visits.models import ItineraryStop, Visit

pytestmark = pytest.mark.django_db

OUR_APPS = ("clusters", "visits", "funding")


def _editable(model) -> set[str]:
    """Fields an editor sets: editable, not generated, not the id; a many-to-many through a model
    of its own is edited as that model's inline instead."""
    names = set()
    for field in model._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created or isinstance(field, models.GeneratedField):
            continue
        if field.many_to_many and not field.remote_field.through._meta.auto_created:
            continue
        if field.concrete or field.many_to_many:
            names.add(field.name)
    return names


def _admins():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in OUR_APPS:
            yield model_admin
            for inline in model_admin.inlines:
                yield inline(model, admin.site)


@pytest.mark.parametrize("model_admin", list(_admins()), ids=lambda a: f"{type(a).__name__}")
def test_every_editable_field_is_on_the_form(admin_user, model_admin):
    request = RequestFactory().get("/")
    request.user = admin_user
    if isinstance(model_admin, admin.options.InlineModelAdmin):
        shown = set(model_admin.get_formset(request).form.base_fields)
        parent = model_admin.fk_name or next(
            f.name
            for f in model_admin.model._meta.fields
            if f.is_relation and f.related_model == model_admin.parent_model
        )
        shown.add(parent)
    else:
        shown = set(model_admin.get_form(request).base_fields)
    shown |= set(model_admin.get_readonly_fields(request))
    assert _editable(model_admin.model) - shown == set()


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Visit, {"date_note", "instruments", "account_of"}),
        (Organisation, {"members_count_is_approximate"}),
        (Project, {"funder", "programme"}),
        (ItineraryStop, {"day"}),
    ],
)
def test_the_fields_editors_missed_are_there(admin_client, model, fields):
    page = admin_client.get(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add"))
    assert page.status_code == 200
    assert all(f'name="{name}"' in page.content.decode() for name in fields)
