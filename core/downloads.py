"""Names under which an uploaded file is served: derived from what the file is, never trusted
from the uploader. ``evil.pdf.html`` holding a PDF downloads as ``evil.pdf``."""

import re
import unicodedata
from pathlib import PurePosixPath
from urllib.parse import quote

# Types a browser runs or renders as a page: never the last extension of an accepted upload.
ACTIVE_EXTENSIONS = {"html", "htm", "xhtml", "shtml", "svg", "svgz", "js", "mjs", "xml", "xsl", "xslt", "hta"}
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9 ._()+-]+")
_UNSAFE_UNICODE = re.compile(r"[\x00-\x1f\x7f-\x9f\"\\/:*?<>|;]+")


def extensions(name: str) -> list[str]:
    """The trailing extensions of ``name``, lower-cased: ``["pdf", "html"]`` for ``evil.PDF.html``."""
    stem, found = PurePosixPath(name.replace("\\", "/")).name, []
    while match := _EXTENSION.search(stem):
        found.insert(0, match.group()[1:].lower())
        stem = stem[: match.start()]
    return found


def has_active_extension(name: str) -> bool:
    found = extensions(name)
    return bool(found) and found[-1] in ACTIVE_EXTENSIONS


def download_name(original: str, extension: str, *, fallback: str = "file") -> str:
    """``original`` without its extensions (whatever the uploader called it), then ``extension``
    (the one of the detected type): ``("Rapport.pdf.html", "pdf")`` -> ``"Rapport.pdf"``."""
    stem = PurePosixPath((original or "").replace("\\", "/")).name
    while match := _EXTENSION.search(stem):
        stem = stem[: match.start()]
    stem = _UNSAFE_UNICODE.sub("_", stem).strip(" ._")[:100] or fallback
    return f"{stem}.{extension}"


def content_disposition(disposition: str, name: str) -> str:
    """A Content-Disposition header value with an ASCII ``filename`` any browser reads and the
    exact name as RFC 6266 ``filename*``:
    ``attachment; filename="Resume.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = _UNSAFE_ASCII.sub("_", ascii_name).strip(" ._") or "file"
    if "." in name and "." not in ascii_name:
        ascii_name = f"file.{name.rsplit('.', 1)[1]}"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
