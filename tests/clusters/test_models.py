import pytest
from django.db import IntegrityError, transaction

from clusters.models import Ecosystem, Label, Membership, Organisation
from clusters.text import fold, unique_slug
from tests import factories

pytestmark = pytest.mark.django_db


def refused(**kwargs):
    """Saving an Organisation with these values must be refused by the database itself."""
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.organisation(**kwargs)


def test_database_refuses_a_percentage_above_100():
    refused(members_small_pct=120)


def test_database_refuses_a_negative_percentage():
    refused(public_funding_pct=-1)


def test_database_refuses_a_member_split_above_100():
    refused(members_small_pct=60, members_medium_pct=30, members_large_pct=20)


def test_database_accepts_a_split_of_exactly_100():
    org = factories.organisation(members_small_pct=58, members_medium_pct=22, members_large_pct=20)
    assert org.pk


def test_database_refuses_an_implausible_founding_year():
    refused(founded=1200)


def test_database_refuses_a_duplicate_slug():
    factories.organisation(slug="viameca-test")
    refused(slug="viameca-test")


def test_database_refuses_a_label_expiring_before_its_award():
    org = factories.organisation()
    with pytest.raises(IntegrityError), transaction.atomic():
        Label.objects.create(
            organisation=org, kind=Label.Kind.ESCA_GOLD, awarded_on="2020-01-01", valid_until="2019-01-01"
        )


def test_database_refuses_an_organisation_member_of_itself():
    org = factories.organisation()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(group=org, member=org)


def test_database_refuses_the_same_membership_twice():
    group, member = factories.organisation(), factories.organisation()
    Membership.objects.create(group=group, member=member, role=Membership.Role.ANCHOR)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(group=group, member=member, role=Membership.Role.ANCHOR)


def test_slug_is_made_from_the_name_and_kept_unique():
    first = factories.organisation(name="Pôle Übungstest Véhicule")
    second = factories.organisation(name="Pole Ubungstest Vehicule")
    assert first.slug == "pole-ubungstest-vehicule"
    assert second.slug == "pole-ubungstest-vehicule-2"


def test_slug_of_a_name_in_cyrillic_is_transliterated():
    org = factories.organisation(name="Кластер Железногорск")
    assert org.slug == "klaster-zheleznogorsk"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Düsseldorf", "dusseldorf"),
        ("İŞİM", "isim"),
        ("Kümelenmesı", "kumelenmesi"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Søren", "soren"),
        ("Đakovo", "dakovo"),
        ("Piešťany", "piestany"),
    ],
)
def test_fold_removes_accents_including_letters_nfd_leaves_whole(text, folded):
    assert fold(text) == folded


def test_unique_slug_falls_back_to_the_model_name_for_unsluggable_text():
    org = Organisation(name="!!!", kind=Organisation.Kind.CLUSTER)
    assert unique_slug(org, "!!!").startswith("organisation")


def test_the_fourteen_eu_industrial_ecosystems_are_loaded_by_migration():
    assert Ecosystem.objects.count() == 14
    assert Ecosystem.objects.filter(slug="textile").exists()
    assert Ecosystem.objects.filter(slug="mobility-transport-automotive").exists()
