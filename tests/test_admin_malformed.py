"""Malformed admin posts, as a prober sends them: a string where a number goes, an over-long
value, a NUL, an unknown choice, a missing management form. Every add and change form of our
apps answers each with a form error (or a 400), never a 500, and saves nothing half-way."""

import re
import threading
import time

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.urls import reverse

from clusters.models import Organisation
from funding.models import Call, Instrument, Project
from tests.admin_helpers import admin_form_data
from visits.models import Attachment, Visit

pytestmark = pytest.mark.django_db

OUR_APPS = ("clusters", "visits", "funding")
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in OUR_APPS), key=lambda m: m._meta.label
)
MALFORMED = {"text": "abc", "long": "x" * 300, "nul": "a\x00b", "big": "9" * 30}
INLINE_ROW = re.compile(r"^.+-[1-9][0-9]*-")  # a field of an inline's second row or later
MANAGEMENT = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def form_urls():
    for model in REGISTERED:
        yield pytest.param(model, "add", id=f"{model._meta.label}-add")
        yield pytest.param(model, "change", id=f"{model._meta.label}-change")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # an attachment made for its change form stays out of the checkout


def record_of(model):
    """A record for a change form when the demo data has none (attachments)."""
    if model is Attachment:
        pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        return Attachment.objects.create(
            visit=Visit.objects.order_by("pk").first(),
            file=ContentFile(pdf, name="report.pdf"),
            original_name="report.pdf",
            content_type="application/pdf",
            size=len(pdf),
        )
    raise AssertionError(f"no {model._meta.verbose_name} in the demo data: make one here")


def page_and_data(admin_client, model, view):
    if view == "add":
        url = admin_url(model, "add")
    else:
        obj = model._default_manager.order_by("pk").first() or record_of(model)
        url = admin_url(model, "change", obj.pk)
    response = admin_client.get(url)
    assert response.status_code == 200
    return url, admin_form_data(response)


@pytest.mark.parametrize("offset", range(2))
@pytest.mark.parametrize(("model", "view"), list(form_urls()))
def test_a_malformed_value_in_any_field_is_never_a_500(admin_client, model, view, offset):
    """Each field gets two of the four malformed values (``offset`` picks which two, in turn
    along the fields), so that every value meets every kind of field across the fields and the
    suite posts half as much as every field times every value (about 0.3 s a post on the visit
    page, whose form has a hundred fields)."""
    url, data = page_and_data(admin_client, model, view)
    # The main form's fields and those of each inline's first row (the other rows are alike).
    fields = [key for key in data if not key.endswith(MANAGEMENT) and not INLINE_ROW.match(key)]
    kinds = list(MALFORMED)
    statuses = {}
    started = time.perf_counter()
    for i, key in enumerate(fields):
        kind = kinds[(i + offset * 2 + i // len(kinds)) % len(kinds)]
        response = admin_client.post(url, {**data, key: MALFORMED[kind]})
        statuses[f"{key}={kind}"] = response.status_code
    print(f"{model._meta.label} {view} {offset}: {len(fields)} posts in {time.perf_counter() - started:.1f} s")
    assert {key: status for key, status in statuses.items() if status >= 500} == {}


@pytest.mark.parametrize(("model", "view"), list(form_urls()))
def test_missing_or_malformed_management_forms_are_never_a_500(admin_client, model, view):
    url, data = page_and_data(admin_client, model, view)
    managed = [key for key in data if key.endswith(MANAGEMENT)]
    for key in managed:
        without = {k: v for k, v in data.items() if k != key}
        assert admin_client.post(url, without).status_code < 500, f"without {key}"
        assert admin_client.post(url, {**data, key: "abc"}).status_code < 500, f"{key}=abc"
    everything = dict.fromkeys(data, "abc")
    assert admin_client.post(url, everything).status_code < 500


TAGGED = [Organisation, Visit, Instrument, Call, Project]


@pytest.mark.parametrize("model", TAGGED, ids=lambda model: model._meta.label)
def test_a_tag_over_100_characters_is_a_form_error(admin_client, model):
    obj = model._default_manager.order_by("pk").first()
    url = admin_url(model, "change", obj.pk)
    data = admin_form_data(admin_client.get(url))
    response = admin_client.post(url, {**data, "tags": "fine, " + "t" * 101})

    assert response.status_code == 200
    assert "A tag may be at most 100 characters long" in response.content.decode()
    assert not obj.tags.filter(name__startswith="ttt").exists()


def test_a_non_number_in_an_autocomplete_field_is_a_form_error(admin_client):
    visit = Visit.objects.order_by("pk").first()
    url = admin_url(Visit, "change", visit.pk)
    data = admin_form_data(admin_client.get(url))

    response = admin_client.post(url, {**data, "organiser": "abc", "hosts": ["abc", "1\x00"]})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "organiser" in errors and "hosts" in errors


def test_a_slug_taken_meanwhile_gets_the_next_free_one():
    """The loser of a race on a slug (both passed the form's uniqueness check) takes "-2"."""
    first = Organisation.objects.create(name="Zq race cluster", slug="zq-race-cluster", kind="cluster")
    second = Organisation(name="Zq race cluster", slug="zq-race-cluster", kind="cluster")
    second.save()
    assert second.slug == "zq-race-cluster-2" and first.slug == "zq-race-cluster"
    third = Organisation(name="Zq race cluster", slug="zq-race-cluster", kind="cluster")
    third.save()
    assert third.slug == "zq-race-cluster-3"


def test_saves_racing_on_one_slug_through_the_admin_all_succeed(admin_client):
    """Another editor's transaction holds the slug, uncommitted, while this admin save runs: the
    save waits on it, meets the clash, and takes the next free slug instead of answering 500."""
    url = admin_url(Organisation, "add")
    data = admin_form_data(admin_client.get(url))
    data.update({"name": "Zq concurrent pole", "slug": "zq-concurrent-pole", "kind": "pole", "confirm_new": "on"})
    holding, release = threading.Event(), threading.Event()

    def other_editor():
        try:
            with transaction.atomic():
                Organisation.objects.create(name="Zq concurrent pole", slug="zq-concurrent-pole", kind="pole")
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    other = threading.Thread(target=other_editor)
    other.start()
    try:
        assert holding.wait(10)
        threading.Timer(1.5, release.set).start()  # commits while our INSERT waits on its row
        response = admin_client.post(url, data)
    finally:
        release.set()
        other.join()
    try:
        assert response.status_code == 302, response.context and response.context["adminform"].form.errors
        assert Organisation.objects.filter(slug="zq-concurrent-pole-2").exists()
    finally:
        _delete_committed("zq-concurrent-pole")


def _delete_committed(slug):
    """The other editor's row was committed, outside the test's transaction: remove it."""

    def run():
        try:
            Organisation.objects.filter(slug=slug).delete()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
