"""Labels past their valid-until date are expired: in the model, the QuerySet and on the page,
where the badge says so in words, not only in colour."""

import datetime

import pytest

from clusters.models import Label
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def labelled():
    organisation = factories.organisation(name="Labelled cluster")
    labels = {
        "expired": Label.objects.create(organisation=organisation, kind="esca_gold", valid_until=TODAY - DAY),
        "last_day": Label.objects.create(organisation=organisation, kind="esca_silver", valid_until=TODAY),
        "open_ended": Label.objects.create(organisation=organisation, kind="national", name="Pôle de compétitivité"),
    }
    return organisation, labels


def test_is_expired_only_after_the_valid_until_date(labelled):
    _, labels = labelled
    assert labels["expired"].is_expired
    assert not labels["last_day"].is_expired
    assert not labels["open_ended"].is_expired


def test_queryset_splits_expired_from_current(labelled):
    organisation, labels = labelled
    mine = Label.objects.filter(organisation=organisation)
    assert set(mine.expired()) == {labels["expired"]}
    assert set(mine.current()) == {labels["last_day"], labels["open_ended"]}
    assert set(mine.expired(today=TODAY + DAY)) == {labels["expired"], labels["last_day"]}


def test_organisation_page_marks_the_expired_label_in_words(client, labelled):
    organisation, _ = labelled
    html = client.get(organisation.get_absolute_url()).content.decode()
    expired_item = html.split('class="label-expired">', 1)[1].split("</li>", 1)[0]
    assert "ESCA Gold" in expired_item
    assert "expired" in expired_item
    assert html.count('class="label-expired"') == 1
    assert "valid until" in html
