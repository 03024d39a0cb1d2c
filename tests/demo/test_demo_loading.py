"""The demo data set loads idempotently and validly, and covers every kind of record.

The session fixture in tests/conftest.py has already run ``load_demo`` into the test database;
the seeds are in /work/shared/seeds.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Max
from taggit.models import Tag, TaggedItem

from clusters.models import AlternativeName, ContactPerson, Label, Membership, Organisation
from funding.models import Call, Eligibility, Instrument, Project, ProjectPartner
from visits.models import Finding, FollowUp, Participant, Visit

pytestmark = pytest.mark.django_db

D = dt.date


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


def demo_models():
    """Every concrete model of the three apps (with auto-created M2M tables) plus taggit's."""
    models = [
        m
        for label in ("clusters", "visits", "funding")
        for m in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    return [*models, Tag, TaggedItem]


def snapshot():
    state = {}
    for model in demo_models():
        qs = model._default_manager.all()
        has_updated_at = any(f.name == "updated_at" for f in model._meta.concrete_fields)
        state[model._meta.label] = (qs.count(), qs.aggregate(m=Max("updated_at"))["m"] if has_updated_at else None)
    return state


def test_load_demo_twice_changes_nothing():
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_load_demo_prints_a_summary(capsys):
    call_command("load_demo", verbosity=1)
    out = capsys.readouterr().out
    assert "Demo data loaded (created 0, updated 0, deleted 0)" in out
    assert "organisations:" in out and "visits:" in out and "instruments:" in out


def test_load_demo_is_silent_at_verbosity_zero(capsys):
    call_command("load_demo", verbosity=0)
    assert capsys.readouterr().out == ""


def test_every_demo_record_passes_full_clean():
    checked = 0
    for model in demo_models():
        if model._meta.auto_created or model in (Tag, TaggedItem) or model.__name__.startswith("Historical"):
            continue  # history rows record edits; they are not demo records
        for obj in model._default_manager.all():
            obj.full_clean()
            checked += 1
    assert checked > 300


def test_the_demo_covers_every_kind_of_record():
    for model in (Organisation, AlternativeName, Label, Membership, ContactPerson, Visit, Participant, Finding,
                  FollowUp, Instrument, Eligibility, Call, Project, ProjectPartner):  # fmt: skip
        assert model.objects.exists(), model.__name__
    assert Visit.objects.filter(stops__isnull=False).exists()


def test_every_demo_visit_is_published_with_a_summary():
    assert not Visit.objects.exclude(status=Visit.Status.PUBLISHED).exists()
    assert not Visit.objects.filter(summary="").exists()
    assert not Visit.objects.filter(published_at__isnull=True).exists()


def test_every_report_not_in_english_has_an_english_summary():
    assert Visit.objects.exclude(language="en").exists()
    assert not Visit.objects.exclude(language="en").filter(summary_en="").exists()
