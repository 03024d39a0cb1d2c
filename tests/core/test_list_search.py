"""The ``q`` box of every list page is the model's own full-text search (core/fulltext.py), not a
substring match over a list of fields: accent-blind, so "zurich" finds "Zürich"."""

import pytest
from django.urls import resolve

from tests import factories
from tests.core.test_fuzz_lists import LIST_PAGES

pytestmark = pytest.mark.django_db

MAKERS = {
    "/partners/": lambda name: factories.organisation(name=name),
    "/clusters/": lambda name: factories.organisation(name=name),
    "/visits/": lambda name: factories.visit(title=name),
    "/funding/": lambda name: factories.instrument(name=name),
    "/funding/calls/": lambda name: factories.call(title=name),
    "/funding/projects/": lambda name: factories.project(name=name),
}


@pytest.mark.parametrize("url", LIST_PAGES)
def test_every_list_model_has_a_full_text_search(url):
    model = resolve(url).func.view_class.filterset_class._meta.model
    assert callable(getattr(model._default_manager.all(), "search", None)), model


@pytest.mark.parametrize("url", list(MAKERS))
def test_the_q_box_is_accent_blind_full_text(client, url):
    made = MAKERS[url]("Qxvzürichtal Photonics")
    response = client.get(url, {"q": "qxvzurichtal"})
    assert response.status_code == 200
    assert [row.pk for row in response.context["object_list"]] == [made.pk]
