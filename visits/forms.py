"""Uploads of visit attachments, judged by what the file is, not by what it is called."""

import zipfile

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from core.downloads import has_active_extension
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
ALLOWED_LABEL = _("a PDF, an image (PNG, JPEG, WebP) or slides (PPTX, ODP)")

# What to call a refused type in the message, when `filetype` recognises it.
DESCRIPTIONS = {
    "application/x-msdownload": _("a Windows executable"),
    "application/x-executable": _("a Linux executable"),
    "application/x-mach-binary": _("a macOS executable"),
    "application/zip": _("a zip archive"),
    "application/x-rar-compressed": _("a RAR archive"),
    "application/x-7z-compressed": _("a 7-Zip archive"),
    "application/gzip": _("a gzip archive"),
    "image/gif": _("a GIF image"),
    "image/svg+xml": _("an SVG image"),
    "image/tiff": _("a TIFF image"),
    "image/bmp": _("a BMP image"),
    "application/msword": _("a Word document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _("a Word document"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _("an Excel spreadsheet"),
    "application/vnd.oasis.opendocument.text": _("an OpenDocument text"),
    "application/vnd.oasis.opendocument.spreadsheet": _("an OpenDocument spreadsheet"),
}

HEADER_BYTES = 8192  # as much as `filetype` ever looks at


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def detect(upload) -> str:
    """The content type of ``upload`` if it is one we accept; otherwise a ValidationError that
    says what the file is."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size == 0:
        raise forms.ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": megabytes(upload.size), "limit": megabytes(limit)},
            code="too_large",
        )
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(header)
    mime = kind.mime if kind else None
    if mime not in ALLOWED_TYPES:
        what = DESCRIPTIONS.get(mime) or (
            _("a %(extension)s file") % {"extension": kind.extension.upper()} if kind else None
        )
        if what:
            message = _("This file is %(what)s, not %(allowed)s.") % {"what": what, "allowed": ALLOWED_LABEL}
        else:
            message = _("This file is not %(allowed)s: its content matches none of them.") % {"allowed": ALLOWED_LABEL}
        raise forms.ValidationError(message, code="file_type")
    if mime.endswith(".presentation") and _has_macros(upload):
        raise forms.ValidationError(_("These slides contain macros; save them without macros first."), code="macros")
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
        if has_active_extension(upload.name):
            # "report.pdf.html": whatever the content, a name that invites a browser to run it.
            raise forms.ValidationError(
                _("A file named “%(name)s” is refused: its name ends in a web page or script extension.")
                % {"name": upload.name[:100]},
                code="active_extension",
            )
        mime = detect(upload)
        self.instance.original_name = upload.name[:255]
        self.instance.content_type = mime
        self.instance.size = upload.size
        upload.name = f"upload.{ALLOWED_TYPES[mime]}"
        return upload
