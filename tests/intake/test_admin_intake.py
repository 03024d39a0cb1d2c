"""The admin's intake pages: who may open them, bad input refused with a clear message (never a
500, nothing saved), and the review page saving a draft or nothing."""

import datetime
import io
import os
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from clusters.models import Organisation
from intake.proposal import Candidate, FindingProposal, OrganisationProposal, Proposal, StopProposal
from intake.review import Review
from tests import factories
from tests.intake.review_helpers import review_data
from visits.models import Visit

pytestmark = pytest.mark.django_db

START = "/admin/intake/"
REVIEW = "/admin/intake/review/"
REPORT = (
    "Study visit of the Innovation Technologies Cluster to France, 16-19 April 2013.\n\n"
    "On the first day the delegation was welcomed at the ViaMeca pole of competitiveness, where the "
    "team explained how research projects are financed: the state pays 40 % of a project's cost. "
    "On the second day the group visited a member company in Saint-Etienne and its design office."
)


def counts():
    return Visit.objects.count(), Organisation.objects.count()


def staff_user(*perms):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    for perm in perms:
        app, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
    return user


@pytest.fixture
def editor(client):
    client.force_login(staff_user("visits.add_visit", "visits.change_visit", "clusters.add_organisation"))
    return client


def upload(name, data):
    return {"file": SimpleUploadedFile(name, data, content_type="application/octet-stream")}


# -- who may open the pages -----------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client):
    response = client.get(START)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_signed_in_user_who_is_not_staff_is_sent_to_the_admin_sign_in(client):
    client.force_login(User.objects.create_user("reader", password="x"))
    for url in (START, REVIEW):
        response = client.get(url) if url == START else client.post(url, {})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_right_to_add_visits_get_403(client):
    client.force_login(staff_user("visits.view_visit"))
    assert client.get(START).status_code == 403
    assert client.post(START, {"text": REPORT}).status_code == 403
    assert client.post(REVIEW, {}).status_code == 403


def test_the_admin_index_and_the_visit_list_lead_to_intake(admin_client):
    for url in (reverse("admin:index"), reverse("admin:visits_visit_changelist")):
        assert f'href="{START}"' in admin_client.get(url).content.decode()


def test_the_start_page_offers_paste_and_upload(editor):
    response = editor.get(START)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="text"' in page and 'type="file"' in page and 'enctype="multipart/form-data"' in page


# -- bad input ----------------------------------------------------------------------------------


def assert_refused(response, message, status=200):
    assert response.status_code == status
    assert message in response.content.decode()
    assert 'name="text"' in response.content.decode()  # the form again


def test_an_empty_paste_is_refused(editor):
    before = counts()
    assert_refused(editor.post(START, {"text": "   \n "}), "there is nothing to read yet")
    assert counts() == before


def test_a_50_mb_file_is_refused_with_413(editor):
    before = counts()
    response = editor.post(START, upload("huge.txt", b"a" * (50 * 1024 * 1024)))
    assert_refused(response, "the limit is", status=413)
    assert counts() == before


def test_a_paste_over_the_request_limit_is_refused_with_413(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    before = counts()
    response = editor.post(START, {"text": "Ein Bericht. " * 20_000})
    assert_refused(response, "The pasted text is larger than", status=413)
    assert counts() == before


def test_an_image_only_pdf_is_refused(editor):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    before = counts()
    assert_refused(editor.post(START, upload("scan.pdf", buffer.getvalue())), "no text layer")
    assert counts() == before


def test_a_binary_file_renamed_docx_is_refused(editor):
    before = counts()
    response = editor.post(START, upload("report.docx", b"\x00\x01\x02\xff" + os.urandom(4000)))
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert counts() == before


def test_a_text_in_no_language_asks_for_the_language(editor):
    before = counts()
    response = editor.post(START, {"text": "xq zv 123 pl0k 77 qqx zzv 4410 rrt kkq 12 xq zv"})
    assert_refused(response, "cannot tell which language")
    assert counts() == before


def test_paste_and_file_together_are_refused(editor):
    response = editor.post(START, {"text": REPORT, **upload("report.txt", REPORT.encode())})
    assert_refused(response, "not both")


# -- step 1 to the review page ------------------------------------------------------------------


@pytest.mark.parametrize("how", ["paste", "file"])
def test_a_report_leads_to_the_review_page(editor, how):
    before = counts()
    data = {"text": REPORT} if how == "paste" else upload("report.md", REPORT.encode())
    response = editor.post(START, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="proposal"' in page and 'name="visit-title"' in page
    assert "Save as draft" in page
    assert counts() == before  # nothing saved before the review


# -- the review page ----------------------------------------------------------------------------


@pytest.fixture
def host():
    return factories.organisation(name="Host pole for the review page", country="FR")


def hand_made(host, **kwargs) -> Proposal:
    values = {
        "text": REPORT,
        "language": "en",
        "title": "Innovation Technologies Cluster in France",
        "start_date": datetime.date(2013, 4, 16),
        "end_date": datetime.date(2013, 4, 19),
        "date_precision": "day",
        "source": "report.txt",
        "organisations": [
            OrganisationProposal(
                "ViaMeca",
                host.name,
                "host",
                "link",
                [Candidate(host.slug, host.name, 0.95, "name", host.pk)],
            ),
            OrganisationProposal(
                "Innovation Technologies Cluster",
                "Review-page delegation cluster",
                "delegation",
                "create",
                kind="cluster",
                country="RU",
            ),
        ],
        "itinerary": [StopProposal(1, datetime.date(2013, 4, 16), host="ViaMeca", description="Welcome.")],
        "findings": [FindingProposal("The state pays 40 % of a project's cost.", Decimal(40), "percent", "state")],
    }
    values.update(kwargs)
    return Proposal(**values)


def test_the_review_page_saves_the_draft_and_opens_it(editor, host):
    review = Review(hand_made(host))
    response = editor.post(REVIEW, review_data(review))
    visit = Visit.objects.get(title="Innovation Technologies Cluster in France")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:visits_visit_change", args=[visit.pk])
    assert visit.status == Visit.Status.DRAFT
    assert list(visit.hosts.all()) == [host]
    assert [o.name for o in visit.delegation.all()] == ["Review-page delegation cluster"]
    assert visit.stops.get().host == host
    assert visit.findings.get().value == Decimal(40)
    follow = editor.get(response["Location"])
    assert "Saved the draft" in follow.content.decode()


def test_the_editor_changes_and_rejects_lines(editor, host):
    review = Review(hand_made(host))
    data = review_data(
        review,
        **{"org-0-role": "participant", "org-1-choice": "reject", "finding-0-keep": None, "stop-0-host": ""},
    )
    before = Organisation.objects.count()
    assert editor.post(REVIEW, data).status_code == 302
    visit = Visit.objects.get(title="Innovation Technologies Cluster in France")
    assert Organisation.objects.count() == before
    assert not visit.hosts.exists() and not visit.findings.exists()
    assert visit.participants.get().organisation == host
    assert visit.stops.get().host is None


def test_a_percentage_of_140_saves_nothing(editor, host):
    review = Review(hand_made(host))
    before = counts()
    response = editor.post(REVIEW, review_data(review, **{"finding-0-value": "140"}))
    assert response.status_code == 400
    assert "between 0 and 100" in response.content.decode()
    assert counts() == before


def test_a_line_left_incomplete_is_shown_again(editor, host):
    review = Review(hand_made(host))
    before = counts()
    response = editor.post(REVIEW, review_data(review, **{"org-1-name": "", "visit-start_date": ""}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the new organisation a name." in page and "This field is required." in page
    assert 'href="#org-1"' in page and 'href="#visit"' in page  # the list of lines to correct
    assert counts() == before


def test_an_altered_proposal_is_refused(editor, host):
    review = Review(hand_made(host))
    data = review_data(review)
    data["proposal"] = data["proposal"][:-3] + "abc"
    before = counts()
    response = editor.post(REVIEW, data, follow=True)
    assert "expired or was altered" in response.content.decode()
    assert counts() == before


def test_creating_organisations_needs_the_right_to(client, host):
    client.force_login(staff_user("visits.add_visit"))
    before = counts()
    response = client.post(REVIEW, review_data(Review(hand_made(host))))
    assert response.status_code == 403
    assert "You may not create organisations" in response.content.decode()
    assert counts() == before
