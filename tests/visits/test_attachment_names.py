"""The name and type a visit's file is served under come from what the file is: the uploader's
extensions are dropped, a name ending in a web page or script extension is refused, and the
download carries an ASCII name plus the exact one (RFC 6266), attachment, nosniff."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.downloads import content_disposition, download_name, has_active_extension
from tests import factories
from tests.visits.test_attachments import HTML, PDF, PNG, media, stored_files, upload_through_visit_admin
from visits.models import Attachment

pytestmark = pytest.mark.django_db
__all__ = ["media"]  # the fixture, used by name below

EVIL = PDF + HTML  # a PDF header, then a page with a script


@pytest.mark.parametrize("name", ["evil.pdf.html", "evil.PDF.HTM", "photo.png.svg", "x.pdf.js", "a.pdf.xhtml", "b.xml"])
def test_a_name_ending_in_an_active_type_is_refused(admin_client, media, name):
    visit = factories.visit()
    response = upload_through_visit_admin(admin_client, visit, SimpleUploadedFile(name, EVIL))
    assert response.status_code == 200
    assert "its name ends in a web page or script extension" in response.content.decode()
    assert not Attachment.objects.filter(visit=visit).exists()
    assert stored_files(media) == []


def served(client, attachment):
    url = reverse("visits:attachment", kwargs={"slug": attachment.visit.slug, "pk": attachment.pk})
    return client.get(url)


def test_a_file_stored_under_an_evil_name_before_is_served_as_what_it_is(client, media):
    """Stored before the check (or imported): still served as a PDF download named .pdf."""
    attachment = Attachment.objects.create(
        visit=factories.visit(),
        file=ContentFile(EVIL, name="upload.pdf"),
        original_name="evil.pdf.html",
        content_type="application/pdf",
        size=len(EVIL),
    )
    response = served(client, attachment)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename=\"evil.pdf\"; filename*=UTF-8''evil.pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_non_ascii_name_has_an_ascii_fallback_and_the_exact_name(client, media):
    attachment = Attachment.objects.create(
        visit=factories.visit(),
        file=ContentFile(PDF, name="upload.pdf"),
        original_name='Résumé "final"\r\nX-Evil: 1.pdf',
        content_type="application/pdf",
        size=len(PDF),
    )
    header = served(client, attachment)["Content-Disposition"]
    assert header.startswith("attachment; filename=\"Resume _final_X-Evil_ 1.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9")
    assert "\r" not in header and "\n" not in header


def test_an_unknown_stored_type_downloads_as_bytes(client, media):
    attachment = Attachment.objects.create(
        visit=factories.visit(),
        file=ContentFile(HTML, name="upload.html"),
        original_name="page.html",
        content_type="text/html",
        size=len(HTML),
    )
    response = served(client, attachment)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith('attachment; filename="page.bin"')


def test_an_image_is_named_by_its_detected_type(admin_client, client, media):
    visit = factories.visit()
    response = upload_through_visit_admin(admin_client, visit, SimpleUploadedFile("holiday.pdf", PNG))
    assert response.status_code == 302
    answer = served(client, visit.attachments.get())
    assert answer["Content-Type"] == "image/png"
    assert answer["Content-Disposition"].startswith('inline; filename="holiday.png"')


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("Rapport final.pdf", "pdf", "Rapport final.pdf"),
        ("evil.pdf.html", "pdf", "evil.pdf"),
        ("Rapport v1.2 final.pdf", "pdf", "Rapport v1.2 final.pdf"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("C:\\Users\\a\\b.png", "png", "b.png"),
        ("", "pdf", "file.pdf"),
        (".html", "pdf", "file.pdf"),
    ],
)
def test_download_names(name, extension, expected):
    assert download_name(name, extension) == expected


def test_active_extensions():
    assert has_active_extension("a.pdf.html") and has_active_extension("A.SVG")
    assert not has_active_extension("a.html.pdf") and not has_active_extension("html")
    assert (
        content_disposition("attachment", "a b.pdf") == "attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf"
    )
