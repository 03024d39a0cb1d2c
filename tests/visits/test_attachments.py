"""Visit attachments: accepted by what the file is, not by its name; stored under a generated
name; served to the public only while the visit is published."""

import importlib
import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import config.urls
from tests import factories
from tests.admin_helpers import add_inline_row, admin_form_data, inline_formset
from visits.forms import megabytes
from visits.models import Attachment, Visit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 240 + b"This program cannot be run"
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PPTX = zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})
PPTX_WITH_MACROS = zip_bytes(
    {"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>", "ppt/vbaProject.bin": b"macro"}
)
DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def upload_through_visit_admin(client, visit, upload, **fields):
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    page = client.get(url)
    data = admin_form_data(page)
    add_inline_row(page, data, Attachment, kind="report", **fields)
    prefix = inline_formset(page, Attachment).prefix
    data[f"{prefix}-{int(data[f'{prefix}-TOTAL_FORMS']) - 1}-file"] = upload
    return client.post(url, data)


# Uploads through the admin


@pytest.mark.parametrize(
    ("name", "content", "content_type", "suffix"),
    [
        ("Rapport final.pdf", PDF, "application/pdf", ".pdf"),
        ("photo.PNG", PNG, "image/png", ".png"),
        ("looks-like-a-pdf.pdf", PNG, "image/png", ".png"),  # named by what it is
        ("slides.pptx", PPTX, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
    ],
)
def test_a_real_document_is_stored_under_a_generated_name(admin_client, media, name, content, content_type, suffix):
    visit = factories.visit()
    response = upload_through_visit_admin(admin_client, visit, SimpleUploadedFile(name, content), title="The report")
    assert response.status_code == 302
    attachment = visit.attachments.get()
    assert re.fullmatch(r"attachments/[0-9a-f]{32}" + re.escape(suffix), attachment.file.name)
    assert (attachment.original_name, attachment.content_type, attachment.size) == (name, content_type, len(content))
    assert [path.read_bytes() for path in stored_files(media)] == [content]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", EXE, "This file is a Windows executable, not a PDF, an image (PNG, JPEG, WebP) or slides"),
        ("photo.png", HTML, "This file is not a PDF, an image (PNG, JPEG, WebP) or slides (PPTX, ODP)"),
        ("notes.docx", DOCX, "This file is a Word document, not a PDF"),
        ("slides.pptx", PPTX_WITH_MACROS, "These slides contain macros"),
        ("empty.pdf", b"", "The submitted file is empty."),
        ("huge.pdf", PDF + b"\0" * (3 * 1024 * 1024 // 2), "The file is 1.5 MB; the limit is 1 MB."),
    ],
)
def test_a_refused_upload_is_a_form_error_and_saves_nothing(admin_client, media, settings, name, content, message):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    visit = factories.visit()
    response = upload_through_visit_admin(admin_client, visit, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.filter(visit=visit).exists()
    assert stored_files(media) == []


def test_the_attachment_admin_validates_too(admin_client, media):
    visit = factories.visit()
    url = reverse("admin:visits_attachment_add")
    response = admin_client.post(
        url, {"visit": visit.pk, "kind": "report", "title": "", "file": SimpleUploadedFile("x.pdf", EXE)}
    )
    assert response.status_code == 200
    assert "This file is a Windows executable" in response.content.decode()
    assert not Attachment.objects.filter(visit=visit).exists()
    assert stored_files(media) == []


def test_sizes_in_messages_read_as_megabytes():
    assert megabytes(int(25.3 * 1024 * 1024)) == "25.3 MB"
    assert megabytes(20 * 1024 * 1024) == "20 MB"


# Serving


def attach(visit, content=PDF, name="Rapport final.pdf", content_type="application/pdf") -> Attachment:
    return Attachment.objects.create(
        visit=visit,
        file=ContentFile(content, name=name),
        original_name=name,
        content_type=content_type,
        size=len(content),
        title="Original report",
    )


def download_url(attachment) -> str:
    return reverse("visits:attachment", kwargs={"slug": attachment.visit.slug, "pk": attachment.pk})


def test_a_published_visits_file_downloads_with_its_stored_type(client, media):
    attachment = attach(factories.visit())
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Rapport final.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_image_opens_inline(client, media):
    attachment = attach(factories.visit(), content=PNG, name="photo.png", content_type="image/png")
    response = client.get(download_url(attachment))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


def test_a_drafts_file_is_404_for_the_public(client, media):
    attachment = attach(factories.visit(status=Visit.Status.DRAFT))
    assert client.get(download_url(attachment)).status_code == 404


def test_a_drafts_file_downloads_for_staff(admin_client, media):
    attachment = attach(factories.visit(status=Visit.Status.DRAFT))
    response = admin_client.get(download_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_file_is_found_only_under_its_own_visit(client, media):
    attachment = attach(factories.visit())
    other = factories.visit()
    url = reverse("visits:attachment", kwargs={"slug": other.slug, "pk": attachment.pk})
    assert client.get(url).status_code == 404


def test_a_file_missing_from_storage_is_404(client, media):
    attachment = attach(factories.visit())
    attachment.file.delete(save=False)
    assert client.get(download_url(attachment)).status_code == 404


def test_media_files_are_not_served_from_media_url_even_in_debug(settings):
    settings.DEBUG = True
    try:
        urlpatterns = importlib.reload(config.urls).urlpatterns
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
    assert not [p for p in urlpatterns if str(p.pattern).lstrip("^").startswith(settings.MEDIA_URL)]


def test_the_visit_page_links_its_files(client, media):
    attachment = attach(factories.visit())
    html = client.get(attachment.visit.get_absolute_url()).content.decode()
    assert f'href="{download_url(attachment)}"' in html
    assert "Original report" in html
