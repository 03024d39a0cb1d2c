"""The identity resolver finds the organisation a written name means, whatever the acronym,
accents, script, slips or language of its generic words, and keeps false friends out; the admin
duplicate guard, the autocomplete and the organisation CSV import go through it.

The demo data holds Pôle Véhicule du Futur, İŞİM, Techtera, ZENIT and a German state ministry;
the fixtures add what it lacks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clusters.identity import LINK_SCORE, REASONS, SUGGEST_SCORE, acronym_from_parentheses, resolve
from clusters.models import AlternativeName, Organisation
from tests import factories
from tests.admin_helpers import admin_form_data

pytestmark = pytest.mark.django_db


def names(matches):
    return [m.organisation.name for m in matches]


@pytest.fixture
def eastern():
    cluster = factories.organisation(name="Wschodni Klaster Budowlany", kind="cluster", country="PL")
    AlternativeName.objects.create(organisation=cluster, name="Eastern Building Cluster", kind="translation")
    return cluster


@pytest.fixture
def belarus_ministry():
    return factories.organisation(name="Ministry of Economy of the Republic of Belarus", kind="authority", country="BY")


@pytest.mark.parametrize(
    ("mention", "expected", "reason"),
    [
        ("PVF", "Pôle Véhicule du Futur", "acronym"),  # initials of the name, small words skipped
        ("pvf", "Pôle Véhicule du Futur", "acronym"),
        ("Pole Vehicule du Futur", "Pôle Véhicule du Futur", "name"),  # without accents
        ("Pôle Véhicule du Futur (PVF)", "Pôle Véhicule du Futur", "name"),
        ("ISIM", "İŞİM", "name"),  # Turkish letters typed as Latin ones
        ("Tehctera", "Techtera", "typo"),  # a transposition
        ("Techtra", "Techtera", "typo"),  # a letter missing
        ("PNB", "Partners in Nuclear Business", "acronym"),
    ],
)
def test_resolve_offers_the_demo_record_first(mention, expected, reason):
    matches = resolve(mention)
    assert names(matches)[:1] == [expected]
    assert matches[0].reason == reason
    assert matches[0].score >= SUGGEST_SCORE


def test_a_turkish_name_typed_without_turkish_letters():
    factories.organisation(name="Zqanadolu Makine İmalatçıları Derneği", kind="association", country="TR")

    matches = resolve("Zqanadolu Makine Imalatcilari Dernegi")

    assert names(matches)[:1] == ["Zqanadolu Makine İmalatçıları Derneği"]
    assert matches[0].score >= LINK_SCORE


def test_a_cyrillic_name_meets_its_latin_record():
    factories.organisation(name="Tomskiy Atomnyi Klaster", country="RU")

    matches = resolve("Томский атомный кластер")

    assert names(matches)[:1] == ["Tomskiy Atomnyi Klaster"]
    assert matches[0].reason == "transliteration"


def test_a_latin_name_meets_its_cyrillic_record():
    factories.organisation(name="Кластер ядерных технологий Томска", country="RU")

    matches = resolve("Klaster yadernykh tekhnologii Tomska")

    assert names(matches)[:1] == ["Кластер ядерных технологий Томска"]
    assert matches[0].reason == "transliteration"
    assert matches[0].score >= LINK_SCORE


def test_polish_inflected_names_meet_their_base_form():
    factories.organisation(name="Zqpolitechnika Białostocka", kind="research", country="PL")
    factories.organisation(name="Zqklaster Obróbki Metali", kind="cluster", country="PL")

    assert names(resolve("Zqpolitechniki Białostockiej"))[:1] == ["Zqpolitechnika Białostocka"]
    assert names(resolve("Zqklastra Obróbki Metali"))[:1] == ["Zqklaster Obróbki Metali"]


def test_eastern_construction_cluster_meets_its_polish_record(eastern):
    matches = resolve("Eastern Construction Cluster")

    assert names(matches)[:1] == ["Wschodni Klaster Budowlany"]
    assert matches[0].reason == "translated generic words"
    assert matches[0].score >= LINK_SCORE


def test_generic_words_are_translated_without_an_alternative_name():
    factories.organisation(name="Zachodni Klaster Budowlany", kind="cluster", country="PL")

    assert names(resolve("Western Construction Cluster"))[:1] == ["Zachodni Klaster Budowlany"]


def test_false_friend_a_ministry_of_economy_of_belarus_is_not_a_german_ministry(belarus_ministry):
    matches = resolve("Ministry of Economy", country="BY")

    assert names(matches)[:1] == [belarus_ministry.name]
    assert not any("North Rhine-Westphalia" in name for name in names(resolve("Ministry of Economy")))


def test_false_friend_eastern_construction_is_not_a_turkish_cluster(eastern):
    matches = resolve("Eastern Construction")

    assert "İŞİM" not in names(matches)
    assert names(matches)[:1] == ["Wschodni Klaster Budowlany"]


def test_false_friend_institute_of_innovation_and_technology_is_not_zenit():
    assert "ZENIT" not in names(resolve("Institute of Innovation and Technology", limit=10))


def test_unrelated_names_find_nothing():
    assert resolve("Blue Ocean Harbour Logistics") == []
    assert resolve("") == [] and resolve("  ( ) ") == []


def test_country_and_kind_agreeing_raise_and_disagreeing_lower_the_score():
    plain = resolve("Techtera")[0].score
    assert resolve("Techtera", country="FR", kind="cluster")[0].score >= plain
    assert resolve("Tehctera", country="DE", kind="authority")[0].score < resolve("Tehctera")[0].score


def test_every_candidate_carries_a_known_reason(eastern):
    for mention in ["PVF", "Eastern Construction Cluster", "Tehctera", "ISIM", "Клиб 2021", "Milano Metropoli"]:
        for match in resolve(mention, limit=5):
            assert match.reason in REASONS
            assert SUGGEST_SCORE <= match.score <= 1


def test_exclude_pk_leaves_out_the_record_being_edited():
    techtera = Organisation.objects.get(name="Techtera")
    assert techtera not in [m.organisation for m in resolve("Techtera", exclude_pk=techtera.pk)]


def test_two_records_fitting_equally_are_offered_but_not_linked():
    first = factories.organisation(name="Zqtwin Robotics Cluster", country="FR")
    second = factories.organisation(name="Zqtwin Robotics Cluster", country="FR")

    matches = resolve("Zqtwin Robotics Cluster")

    assert {m.organisation for m in matches[:2]} == {first, second}
    assert all(SUGGEST_SCORE <= m.score < LINK_SCORE for m in matches[:2])


def test_a_number_alone_is_not_a_name():
    assert "Clib 2021" not in names(resolve("2021"))
    assert names(resolve("CLIB2021"))[:1] == ["Clib 2021"]


@pytest.mark.parametrize("mention", ["Pôle Véhicule du Futur (PVF)", "Tehctera", "Eastern Construction Cluster"])
def test_resolve_takes_one_query(django_assert_max_num_queries, mention):
    with django_assert_max_num_queries(1):
        resolve(mention)


def test_an_acronym_no_record_is_written_as_takes_a_second_query(django_assert_num_queries):
    with django_assert_num_queries(2):  # by name and acronym, then by initials
        assert names(resolve("PVF"))[:1] == ["Pôle Véhicule du Futur"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pôle Véhicule du Futur (PVF)", ("Pôle Véhicule du Futur", "PVF")),
        ("PVF (Pôle Véhicule du Futur)", ("Pôle Véhicule du Futur", "PVF")),
        ("Textile Alsace", ("Textile Alsace", "")),
        ("Research Centre (North-West office)", ("Research Centre (North-West office)", "")),
    ],
)
def test_acronym_from_parentheses(text, expected):
    assert acronym_from_parentheses(text) == expected


# Where the resolver is used: the duplicate guard on the admin add form, the autocomplete.

ADD_URL = reverse("admin:clusters_organisation_add")


def test_admin_add_warns_of_a_transposed_name(admin_client):
    before = Organisation.objects.count()
    data = admin_form_data(admin_client.get(ADD_URL))
    data.update(name="Tehctera", kind="cluster", country="FR", slug="")

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert Organisation.objects.count() == before
    html = response.content.decode()
    techtera = Organisation.objects.get(name="Techtera")
    assert reverse("admin:clusters_organisation_change", args=[techtera.pk]) in html
    assert "typo" in html


def test_autocomplete_finds_an_organisation_by_the_initials_of_its_name(admin_client):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "visits", "model_name": "visit", "field_name": "hosts", "term": "PVF"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]][:1] == ["Pôle Véhicule du Futur"]


# The organisation CSV import.

IMPORT_URL = reverse("admin:clusters_organisation_import")


def dry_run(client, content: str):
    upload = SimpleUploadedFile("organisations.csv", content.encode())
    return client.post(IMPORT_URL, {"format": "0", "import_file": upload, "resource": "0"})


def test_csv_import_flags_a_row_resembling_a_record(admin_client):
    before = Organisation.objects.count()

    response = dry_run(admin_client, "slug,name,kind,country\nzqtechtera,Techtera,cluster,FR\n")

    result = response.context["result"]
    assert result.has_validation_errors()
    assert "confirm_form" not in response.context
    html = response.content.decode()
    assert "resembles an organisation on record" in html and "techtera" in html and "if_similar" in html
    assert Organisation.objects.count() == before


def test_csv_import_create_anyway(admin_client):
    response = dry_run(admin_client, "slug,name,kind,country,if_similar\nzqtechtera,Techtera,cluster,FR,create\n")

    assert not response.context["result"].has_validation_errors()
    assert "confirm_form" in response.context


def test_csv_import_use_existing_updates_it_and_keeps_the_name_written(admin_client):
    techtera = Organisation.objects.get(name="Techtera")
    content = "slug,name,kind,country,city,if_similar\n,Tehctera,cluster,FR,Zqlyon,use\n"

    response = dry_run(admin_client, content)
    assert not response.context["result"].has_validation_errors()
    admin_client.post(
        reverse("admin:clusters_organisation_process_import"), response.context["confirm_form"].initial, follow=True
    )

    techtera.refresh_from_db()
    assert techtera.name == "Techtera" and techtera.city == "Zqlyon"
    assert techtera.alternative_names.filter(name="Tehctera").exists()
    assert not Organisation.objects.filter(name="Tehctera").exists()


def test_csv_import_of_an_unknown_if_similar_value_is_a_row_error(admin_client):
    response = dry_run(admin_client, "slug,name,kind,if_similar\nzqnew,Zqbrand new body,agency,maybe\n")

    assert response.context["result"].has_validation_errors()


def test_csv_reimport_of_an_export_updates_without_flags(admin_client):
    from clusters.resources import OrganisationResource  # noqa: PLC0415

    exported = OrganisationResource().export(Organisation.objects.filter(name__in=["Techtera", "ViaMeca"])).csv

    response = dry_run(admin_client, exported)

    assert not response.context["result"].has_validation_errors()
    assert not response.context["result"].has_errors()
