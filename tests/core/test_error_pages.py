import pytest


@pytest.mark.urls("tests.core.error_urls")
@pytest.mark.django_db
def test_a_server_error_shows_the_site_styled_500_page_without_details(client):
    client.raise_request_exception = False
    response = client.get("/deliberately-broken/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong on our side" in content
    assert "css/site.css" in content
    assert "deliberate failure" not in content  # no traceback or message leaks to the visitor
    assert 'href="/"' in content


@pytest.mark.django_db
def test_a_missing_record_answers_404_in_the_site_style(client):
    response = client.get("/partners/no-such-organisation/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
