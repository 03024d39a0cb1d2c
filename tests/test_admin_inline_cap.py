"""A post with 1,000 inline forms does not hold a worker: it is refused (400) before a form is
built, and nothing is saved; a post adding rows within the cap is saved as usual."""

import time

import pytest
from django.urls import reverse

from tests.admin_helpers import admin_form_data, inline_formset
from visits.models import Participant, Visit

pytestmark = pytest.mark.django_db


def visit_page(admin_client):
    visit = Visit.objects.order_by("pk").first()
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    response = admin_client.get(url)
    return visit, url, response, admin_form_data(response)


def with_new_participants(response, data, count, *, filled=True):
    """``data`` claiming ``count`` more participant rows, each filled in or (``filled=False``)
    left empty: the cheapest post for a prober, under any limit on the number of fields."""
    prefix = inline_formset(response, Participant).prefix
    rows = int(data[f"{prefix}-TOTAL_FORMS"])
    data = {**data, f"{prefix}-TOTAL_FORMS": str(rows + count)}
    for i in range(rows, rows + count if filled else rows):
        data[f"{prefix}-{i}-role"] = "delegate"
        data[f"{prefix}-{i}-person_name"] = f"Zq person {i}"
    return data


@pytest.mark.parametrize("filled", [True, False], ids=["filled", "empty"])
def test_a_post_of_1000_inline_forms_is_refused_at_once(admin_client, filled):
    visit, url, response, data = visit_page(admin_client)
    before = Participant.objects.filter(visit=visit).count()
    data = with_new_participants(response, data, 1000, filled=filled)

    started = time.perf_counter()
    answer = admin_client.post(url, data)
    print(f"1,000 inline forms ({len(data)} fields): {answer.status_code} in {time.perf_counter() - started:.2f} s")

    assert answer.status_code == 400
    assert Participant.objects.filter(visit=visit).count() == before


def test_the_cap_counts_new_rows_only(admin_client):
    visit, url, response, data = visit_page(admin_client)
    before = Participant.objects.filter(visit=visit).count()
    data = with_new_participants(response, data, 30)

    started = time.perf_counter()
    answer = admin_client.post(url, data)
    print(f"30 new inline forms: {answer.status_code} in {time.perf_counter() - started:.2f} s")

    assert answer.status_code == 302, answer.context and answer.context["errors"]
    assert Participant.objects.filter(visit=visit).count() == before + 30
