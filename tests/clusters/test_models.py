import pytest
from django.db import IntegrityError, transaction

from clusters.models import Ecosystem, Label, Membership, Organisation
from core.text import fold, unique_slug
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
    # A new record's save() takes the next free slug when it meets a taken one (a race between
    # two editors); the database itself still refuses the duplicate.
    factories.organisation(slug="viameca-test")
    other = factories.organisation(slug="viameca-other")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=other.pk).update(slug="viameca-test")


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


def ecosystem_ids(org) -> list[int]:
    org.refresh_from_db(fields=["ecosystem_ids"])
    return org.ecosystem_ids


def test_ecosystem_ids_follow_add_remove_set_and_clear():
    org = factories.organisation()
    first, second, third = Ecosystem.objects.order_by("pk")[:3]
    assert ecosystem_ids(org) == []
    org.ecosystems.add(third, first)
    assert ecosystem_ids(org) == [first.pk, third.pk]  # sorted, whatever the order of adding
    org.ecosystems.remove(third)
    assert ecosystem_ids(org) == [first.pk]
    org.ecosystems.set([second, third])
    assert ecosystem_ids(org) == [second.pk, third.pk]
    org.ecosystems.clear()
    assert ecosystem_ids(org) == []


def test_ecosystem_ids_follow_links_written_in_bulk_and_only_touch_their_organisations():
    orgs = [factories.organisation() for _ in range(3)]
    first, second = Ecosystem.objects.order_by("pk")[:2]
    link = Organisation.ecosystems.through
    link.objects.bulk_create(
        [link(organisation=orgs[0], ecosystem=first), link(organisation=orgs[0], ecosystem=second)]
        + [link(organisation=orgs[1], ecosystem=second)]
    )
    assert [ecosystem_ids(o) for o in orgs] == [[first.pk, second.pk], [second.pk], []]
    link.objects.filter(organisation=orgs[1]).update(ecosystem=first)  # an UPDATE of link rows
    assert ecosystem_ids(orgs[1]) == [first.pk]


def test_deleting_an_ecosystem_removes_it_from_its_organisations():
    org = factories.organisation()
    doomed = Ecosystem.objects.create(name="Test ecosystem to delete", slug="test-ecosystem-to-delete", position=99)
    kept = Ecosystem.objects.order_by("pk").first()
    org.ecosystems.set([kept, doomed])
    doomed.delete()
    assert ecosystem_ids(org) == [kept.pk]


def test_ecosystem_ids_are_not_editable_nor_kept_in_history():
    assert not Organisation._meta.get_field("ecosystem_ids").editable
    history_fields = {f.name for f in Organisation.history.model._meta.get_fields()}
    assert "ecosystem_ids" not in history_fields
