"""Uploads of visit attachments, judged by what the file is, not by what it is called."""

import zipfile

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from visits.models import Attachment

# Content type detected by `filetype` -> extension the stored file gets.
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    # Slides are zip containers; `filetype` tells these two apart from any other zip by their
    # first entries. Other zips (Word, spreadsheets, plain archives) are refused.
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
ALLOWED_LABEL = "a PDF, an image (PNG, JPEG, WebP) or slides (PPTX, ODP)"

# What to call a refused type in the message, when `filetype` recognises it.
DESCRIPTIONS = {
    "application/x-msdownload": "a Windows executable",
    "application/x-executable": "a Linux executable",
    "application/x-mach-binary": "a macOS executable",
    "application/zip": "a zip archive",
    "application/x-rar-compressed": "a RAR archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/gzip": "a gzip archive",
    "image/gif": "a GIF image",
    "image/svg+xml": "an SVG image",
    "image/tiff": "a TIFF image",
    "image/bmp": "a BMP image",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel spreadsheet",
    "application/vnd.oasis.opendocument.text": "an OpenDocument text",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet",
}

HEADER_BYTES = 8192  # as much as `filetype` ever looks at


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def detect(upload) -> str:
    """The content type of ``upload`` if it is one we accept; otherwise a ValidationError that
    says what the file is."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size == 0:
        raise forms.ValidationError("The file is empty.", code="empty")
    if upload.size > limit:
        raise forms.ValidationError(
            f"The file is {megabytes(upload.size)}; the limit is {megabytes(limit)}.", code="too_large"
        )
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(header)
    mime = kind.mime if kind else None
    if mime not in ALLOWED_TYPES:
        what = DESCRIPTIONS.get(mime) or (f"a {kind.extension.upper()} file" if kind else None)
        if what:
            message = f"This file is {what}, not {ALLOWED_LABEL}."
        else:
            message = f"This file is not {ALLOWED_LABEL}: its content matches none of them."
        raise forms.ValidationError(message, code="file_type")
    if mime.endswith(".presentation") and _has_macros(upload):
        raise forms.ValidationError("These slides contain macros; save them without macros first.", code="macros")
    return mime


def _has_macros(upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return True  # looked like slides, is no readable zip: refuse rather than guess
    finally:
        upload.seek(0)
    return any(name.lower().endswith("vbaproject.bin") or name.lower().startswith("basic/") for name in names)


class AttachmentForm(forms.ModelForm):
    """Admin form of an attachment: refuses what is not a PDF, image or slides, and records
    the uploader's file name, the detected type and the size. The stored name is generated
    (``attachment_path``) with the extension of the detected type."""

    class Meta:
        model = Attachment
        fields = ["file", "kind", "title"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged: the file already stored
        mime = detect(upload)
        self.instance.original_name = upload.name[:255]
        self.instance.content_type = mime
        self.instance.size = upload.size
        upload.name = f"upload.{ALLOWED_TYPES[mime]}"
        return upload
