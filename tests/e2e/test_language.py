"""The language switcher in the header: choosing a language and pressing "Change" reloads the same
page in it. Choosing alone (an arrow key on the select) changes nothing (WCAG 3.2.2, on input)."""

import pytest

pytestmark = pytest.mark.e2e


def test_visitor_switches_to_german_and_sees_the_german_header(page, demo_data, screenshot):
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    switcher = page.get_by_label("Language", exact=True)
    assert switcher.input_value() == "en"
    # Choosing a language, as an arrow key on the select does, submits nothing.
    switcher.select_option(label="Deutsch")
    page.wait_for_timeout(300)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/")
    with page.expect_navigation():
        page.get_by_role("button", name="Change").click()
    assert page.locator("html").get_attribute("lang") == "de"
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    for label in ["Übersicht", "Partner", "Förderung", "Besuche"]:
        assert nav.get_by_role("link", name=label, exact=True).is_visible()
    assert page.get_by_role("heading", name="Wer wen besucht hat, was man gelernt hat und wer es bezahlt").is_visible()
    assert page.get_by_label("Sprache", exact=True).input_value() == "de"
    assert page.title() == "Übersicht · Wissensbasis Clusterkooperation"
    screenshot("home-de")
    # The choice is remembered on the next page.
    nav.get_by_role("link", name="Besuche", exact=True).click()
    assert page.get_by_role("heading", name="Besuche und Veranstaltungen", level=1).is_visible()
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_without_javascript_the_change_button_switches_and_keeps_the_page(browser, live_server, demo_data):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/visits/?sort=title")
        page.get_by_label("Language", exact=True).select_option(label="Русский")
        with page.expect_navigation():
            page.get_by_role("button", name="Change").click()
        assert page.url.endswith("/visits/?sort=title")
        assert page.locator("html").get_attribute("lang") == "ru"
        assert page.get_by_role("heading", name="Визиты и мероприятия", level=1).is_visible()
        assert page.get_by_role("button", name="Сменить").is_visible()
    finally:
        context.close()
