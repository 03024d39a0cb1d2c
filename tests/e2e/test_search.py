import pytest

from visits.models import Visit

pytestmark = pytest.mark.e2e

TURKISH_TITLE = "İŞİM, CLUSTEM projesiyle Fransa'daki altın etiketli kümeleri inceledi"


def test_a_turkish_word_typed_in_the_header_box_finds_the_turkish_report(page, demo_data, screenshot):
    if not Visit.objects.filter(title=TURKISH_TITLE).exists():  # the demo set is still being written
        from tests import factories

        factories.visit(
            title=TURKISH_TITLE,
            language="tr",
            report="İş ve İnşaat Makineleri Kümelenmesi (İŞİM), kümelenmeleri inceledi.",
            summary_en="ISIM studied gold-labelled French clusters.",
        )
    page.goto("/")
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill("kümelenme")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.title().startswith("Search: kümelenme")
    results = page.locator("#results-visits")
    assert results.get_by_role("link", name=TURKISH_TITLE).is_visible()
    assert results.locator("mark").count() >= 1
    screenshot("search")
