"""The editors' admin pages: countries chosen in a search box, inline fields labelled, the site's
admin stylesheet and script on every page (one time-zone note, inline tables that fit 1366 px)."""

import re

import pytest
from django.urls import reverse

from core.admin import CountrySelectMultiple
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_visit_form_offers_countries_in_a_search_box_and_labels_its_inline_fields(admin_client):
    visit = factories.visit()
    for url in [reverse("admin:visits_visit_add"), reverse("admin:visits_visit_change", args=[visit.pk])]:
        content = admin_client.get(url).content.decode()
        select = re.search(r'<select name="participant_countries"[^>]*>', content).group(0)
        assert 'class="admin-country-select"' in select and "multiple" in select
        assert "js/admin-country-select.js" in content and "admin/js/vendor/select2/select2.full.min.js" in content
        # Tabular inline rows: every field named for screen readers, the empty form's too.
        place = re.search(r'<input[^>]*name="stops-__prefix__-place"[^>]*>', content).group(0)
        assert 'aria-label="Place"' in place or 'aria-label="place"' in place
        delete = re.search(r'<input[^>]*name="stops-__prefix__-DELETE"[^>]*>', content)
        assert delete is None or "aria-label=" in delete.group(0)
        assert '<link rel="stylesheet" href="/static/css/admin.css">' in content
        assert '<script src="/static/js/admin.js" defer></script>' in content


def test_the_organisation_form_offers_its_target_countries_in_a_search_box(admin_client):
    content = admin_client.get(reverse("admin:clusters_organisation_add")).content.decode()
    select = re.search(r'<select name="target_countries"[^>]*>', content).group(0)
    assert 'class="admin-country-select"' in select
    # A single country stays a plain select.
    assert 'class="admin-country-select"' not in re.search(r'<select name="country"[^>]*>', content).group(0)


def test_the_country_widget_needs_no_network():
    media = str(CountrySelectMultiple().media)
    assert "http" not in media
    assert "admin/js/jquery.init.js" in media


def test_the_change_form_field_uses_the_search_box_widget(admin_client):
    org = factories.organisation(name="Widget Cluster")
    url = reverse("admin:clusters_organisation_change", args=[org.pk])
    form = admin_client.get(url).context["adminform"].form
    assert isinstance(form.fields["target_countries"].widget, CountrySelectMultiple)
