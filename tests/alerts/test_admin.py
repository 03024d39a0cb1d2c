import pytest
from django.urls import reverse

from alerts.models import Delivery, Follow, SavedSearch

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [SavedSearch, Follow, Delivery], ids=lambda m: m.__name__)
def test_changelists_answer(admin_client, model):
    url = reverse(f"admin:alerts_{model._meta.model_name}_changelist")
    assert admin_client.get(url, {"q": "x"}).status_code == 200


def test_deliveries_are_not_added_by_hand(admin_client):
    assert admin_client.get(reverse("admin:alerts_delivery_add")).status_code == 403
