"""The text of an uploaded report. The type is read from the bytes, never trusted from the name:
a renamed binary must end in a clear message, not in a library's traceback. Every failure the
editor can cause is an ``ExtractionError`` whose message can be shown as it is."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # a DOCX, PPTX or ODT inflated beyond this is a zip bomb, not a report

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ExtractionError(ValueError):
    """A file intake cannot read; ``message`` is meant for the editor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def extract_text(data: bytes, filename: str) -> str:
    """The plain text of ``data`` (an uploaded file called ``filename``), paragraphs separated
    by blank lines."""
    if not data or not data.strip():
        raise ExtractionError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ExtractionError(_("The file is larger than the limit of %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
    kind = sniff(data, filename)
    reader = READERS[kind]
    try:
        text = reader(data)
    except ExtractionError:
        raise
    except Exception as exc:  # libraries raise anything on broken files; the editor needs one message
        message = _("This %(kind)s file could not be read (it may be damaged).") % {"kind": LABELS[kind]}
        raise ExtractionError(message) from exc
    text = tidy(text)
    if not text:
        if kind == "pdf":
            raise ExtractionError(str(NO_TEXT_LAYER))
        raise ExtractionError(_("This %(kind)s file holds no text.") % {"kind": LABELS[kind]})
    return text


NO_TEXT_LAYER = gettext_lazy("This PDF has no text layer (a scan?); paste its text instead.")

LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "pptx": "PowerPoint (PPTX)",
    "odf": "OpenDocument",
    "html": "HTML",
    "text": gettext_lazy("text"),
}


def sniff(data: bytes, filename: str) -> str:
    """The file's kind from its first bytes (and, for zips, from the members that make the format)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return zip_kind(data)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text: NUL bytes, but text
        return "html" if b"<\x00h\x00t\x00m\x00l" in head.lower() else "text"
    if looks_binary(head):
        raise ExtractionError(
            _(
                "This file is not a format intake reads (TXT, Markdown, HTML, PDF, DOCX, PPTX or ODT), "
                "whatever its name says."
            )
        )
    suffix = PurePath(filename or "").suffix.lower()
    sample = head.lstrip().lower()
    if suffix in HTML_SUFFIXES or sample.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        raise ExtractionError(_("This file looks like a damaged zip archive; it cannot be read.")) from exc
    if unpacked > MAX_UNPACKED:
        raise ExtractionError(
            _("This archive unpacks to more than %(mb)s MB; intake does not open it.")
            % {"mb": MAX_UNPACKED // (1024 * 1024)}
        )
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.") and "content.xml" in names:
        return "odf"
    raise ExtractionError(
        _("This zip archive is not a Word (DOCX), PowerPoint (PPTX) or OpenDocument file; intake cannot read it.")
    )


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: no text format intake reads has them."""
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); otherwise Windows-1252, which is Latin-1 plus the typographic
    quotes and dashes Word puts in; bytes 1252 leaves undefined fall back to Latin-1."""
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_text(data: bytes) -> str:
    return decode(data)


def read_html(data: bytes) -> str:
    import trafilatura  # heavy; only an HTML upload pays for it

    html = decode(data)
    text = trafilatura.extract(html, include_tables=True, include_comments=False, favor_recall=True)
    if not text:
        text = re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html))
    return text


def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as exc:
            raise ExtractionError(_("This PDF is protected by a password; paste its text instead.")) from exc
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise ExtractionError(_("This PDF is protected by a password; paste its text instead.")) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise ExtractionError(str(NO_TEXT_LAYER))
    return text


def read_docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    blocks = []
    for item in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    if not cells or cell.text != cells[-1]:  # merged cells repeat their text
                        cells.append(cell.text)
                blocks.append("\t".join(cells))
    return "\n\n".join(blocks)


def read_pptx(data: bytes) -> str:
    from pptx import Presentation

    presentation = Presentation(io.BytesIO(data))
    slides = []
    for slide in presentation.slides:
        parts = []
        # Top to bottom, left to right: the reading order, which the XML order often is not.
        shapes = sorted(slide.shapes, key=lambda s: ((s.top or 0), (s.left or 0)))
        for shape in shapes:
            parts.extend(shape_text(shape))
        slides.append("\n".join(p for p in parts if p.strip()))
    return "\n\n".join(slides)


def shape_text(shape) -> list[str]:
    if getattr(shape, "shapes", None) is not None:  # a group
        return [t for child in shape.shapes for t in shape_text(child)]
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        return [p.text if hasattr(p, "text") else "" for p in shape.text_frame.paragraphs]
    if getattr(shape, "has_table", False) and shape.has_table:
        return ["\t".join(cell.text for cell in row.cells) for row in shape.table.rows]
    return []


def read_odf(data: bytes) -> str:
    from odf import teletype
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    return "\n\n".join(teletype.extractText(element) for element in paragraphs(document.body))


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def paragraphs(node):
    """Headings and paragraphs in document order (tables and lists included); a paragraph's
    spans are part of its text, so the walk does not go into them."""
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in {(TEXT_NS, "p"), (TEXT_NS, "h")}:
            yield child
        else:
            yield from paragraphs(child)


READERS = {
    "pdf": read_pdf,
    "docx": read_docx,
    "pptx": read_pptx,
    "odf": read_odf,
    "html": read_html,
    "text": read_text,
}


def tidy(text: str) -> str:
    """Line ends unified, trailing blanks and runs of empty lines trimmed, NULs dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
