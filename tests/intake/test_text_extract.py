"""Text out of uploads: each format built in memory, the type read from content, every bad file a
clear ExtractionError."""

import io
import zipfile

import docx
import pytest
from odf import text as odftext
from odf.opendocument import OpenDocumentText
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfWriter

from intake.text import extract
from intake.text.extract import MAX_BYTES, ExtractionError, extract_text


def text_pdf(words: str) -> bytes:
    """A one-page PDF written by hand: Helvetica, one text line; the xref offsets are computed."""
    stream = f"BT /F1 18 Tf 40 700 Td ({words}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def word_file() -> bytes:
    document = docx.Document()
    document.add_heading("Study visit to Lyon", level=1)
    document.add_paragraph("The delegation met Techtera on 17 April 2013.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Day 2"
    table.rows[0].cells[1].text = "Mayer Group France"
    document.add_paragraph("Closing words.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def slides_file() -> bytes:
    presentation = Presentation()
    for title, body in (("TACTICS", "Coordinated by OSEO"), ("Innovation Express", "70 proposals")):
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        slide.shapes.title.text = title
        box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1))
        box.text_frame.text = body
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def odt_file() -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odftext.H(outlinelevel=1, text="Workshop in Duesseldorf"))
    paragraph = odftext.P(text="40 participants from ")
    paragraph.addElement(odftext.Span(text="four countries."))
    document.text.addElement(paragraph)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_utf8_text_and_markdown():
    assert extract_text("Visite à Lyon, İŞİM\r\n".encode(), "r.txt") == "Visite à Lyon, İŞİM"
    assert extract_text(b"# Title\n\n\n\n\nBody", "r.md") == "# Title\n\nBody"


def test_windows_1252_text_keeps_accents_and_quotes():
    data = "Pôle Véhicule du Futur – “gold label”".encode("cp1252")
    assert extract_text(data, "r.txt") == "Pôle Véhicule du Futur – “gold label”"


def test_utf16_text_with_its_byte_order_mark():
    assert extract_text("Визит в Лион".encode("utf-16"), "r.txt") == "Визит в Лион"


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(extract, "MAX_UNPACKED", 1024 * 1024)  # the real limit takes 200 MB to pass
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w/>")
        archive.writestr("word/filler.xml", b" " * (2 * 1024 * 1024))
    with pytest.raises(ExtractionError, match="unpacks to more than 1 MB"):
        extract_text(out.getvalue(), "big.docx")


def test_latin1_bytes_undefined_in_1252_still_decode():
    assert extract_text(b"caf\xe9 \x81", "r.txt").startswith("café")


def test_html_main_text():
    page = (
        b"<html><head><title>x</title><script>var a=1;</script></head><body><nav>Menu Home</nav>"
        b"<article><h1>Workshop in Duesseldorf</h1><p>Overall 40 cluster representatives from Germany, "
        b"Russia, Austria and France listened to carefully selected speeches about cooperation.</p>"
        b"<p>The workshop was organised by ZENIT within the BILAT RUS Advanced project.</p></article>"
        b"</body></html>"
    )
    text = extract_text(page, "page.html")
    assert "40 cluster representatives" in text
    assert "var a=1" not in text


def test_html_recognised_by_content_under_any_name():
    page = b"<!DOCTYPE html><html><body><p>" + b"Textile Alsace in Mulhouse. " * 5 + b"</p></body></html>"
    assert "Textile Alsace" in extract_text(page, "upload.bin")


def test_pdf_with_a_text_layer():
    assert extract_text(text_pdf("Hello from ViaMeca"), "report.pdf") == "Hello from ViaMeca"


def test_pdf_recognised_even_when_named_txt():
    assert "ViaMeca" in extract_text(text_pdf("ViaMeca"), "report.txt")


def test_image_only_pdf_asks_for_the_text():
    with pytest.raises(ExtractionError, match="no text layer"):
        extract_text(blank_pdf(), "scan.pdf")


def test_broken_pdf_is_a_clear_error():
    with pytest.raises(ExtractionError, match="could not be read|no text layer"):
        extract_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "broken.pdf")


def test_docx_paragraphs_and_tables_in_order():
    text = extract_text(word_file(), "visit.docx")
    assert text.split("\n\n") == [
        "Study visit to Lyon",
        "The delegation met Techtera on 17 April 2013.",
        "Day 2\tMayer Group France",
        "Closing words.",
    ]


def test_pptx_slides_in_order():
    text = extract_text(slides_file(), "slides.pptx")
    assert text.index("TACTICS") < text.index("OSEO") < text.index("Innovation Express") < text.index("70 proposals")


def test_odt_headings_and_spans():
    assert extract_text(odt_file(), "report.odt") == "Workshop in Duesseldorf\n\n40 participants from four countries."


def test_docx_recognised_by_content_not_name():
    assert "Techtera" in extract_text(word_file(), "visit.pdf")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"  \n\t ", "blank.txt", "empty"),
        (bytes(range(256)) * 8, "renamed.docx", "not a format intake reads"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.docx", "not a format intake reads"),
        (zip_of({"a.txt": b"hello"}), "archive.docx", "not a Word"),
        (b"PK\x03\x04" + b"\x01" * 200, "broken.docx", "damaged zip"),
        (zip_of({"word/document.xml": b"<not xml"}), "bad.docx", "could not be read"),
    ],
)
def test_bad_files_are_clear_errors(data, name, message):
    with pytest.raises(ExtractionError, match=message) as raised:
        extract_text(data, name)
    assert raised.value.message


def test_size_limit_is_named():
    with pytest.raises(ExtractionError, match="10 MB"):
        extract_text(b"a" * (MAX_BYTES + 1), "big.txt")
