"""Organisation names sort as a reader expects in every interface language: "İŞİM" among the I's,
not after "ZENIT" as the database's byte order has it (issue 17)."""

import pytest
from django.conf import settings

from clusters.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

TAG = "zz-sort-test"
IN_ORDER = ["Hagel zz", "ibis zz", "Işık zz", "İŞİM zz", "Jade zz", "Örnek zz", "ZENIT zz", "Zeta zz"]


def names_on_pages(client, params: dict) -> list[str]:
    names, page = [], 1
    while True:
        response = client.get("/partners/", {**params, "page": page})
        names += [o.name for o in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return names
        page += 1


@pytest.mark.parametrize("lang", ["en", "tr", "de", "fr", "ru"])
def test_names_sort_with_their_base_letters(client, lang):
    for name in reversed(IN_ORDER):
        factories.organisation(name=name).tags.add(TAG)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    assert names_on_pages(client, {"tag": TAG, "sort": "name"}) == IN_ORDER


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_the_demo_isim_is_among_the_is(client, lang):
    isim = Organisation.objects.get(name__startswith="İŞİM")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    names = names_on_pages(client, {"sort": "name", "country": "TR"})
    assert isim.name in names
    before, after = names[: names.index(isim.name)], names[names.index(isim.name) + 1 :]
    assert all(n[:1].upper() <= "I" for n in before if n[:1].isascii())
    assert all(n[:1].upper() >= "I" for n in after if n[:1].isascii())


def test_the_sort_key_folds_case_and_accents():
    org = factories.organisation(name="Ağ Şirketİ Çelik")
    org.refresh_from_db()
    assert org.sort_name == "ag sirketi celik"
