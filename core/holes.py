"""Per-reader holes in cached pages: the parts of a page that differ from one signed-in reader to
the next within one role (core/cache.py caches a page per role), such as whether the reader
follows the organisation shown.

A template tag renders its personal part for the reader at hand and wraps it with ``personal()``:
``<!--hole:NAME:ARG-->…<!--/hole-->``. Before the page cache stores a page it empties every hole
(``emptied()``), so nothing personal is ever stored; on every hit it asks the filler registered
under NAME for this request's part (``filled()``), typically one small query. A page with a hole
whose NAME has no filler is not stored at all. ARG names what the part is about (an
organisation's id and slug), never the reader.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

HOLE_RE = re.compile(rb"<!--hole:([a-z_]+):([^<>]*?)-->.*?<!--/hole-->", re.S)
ARG_RE = re.compile(r"[^<>]*")

Filler = Callable[[HttpRequest, str], str]
_FILLERS: dict[str, Filler] = {}


def register(name: str, fill: Filler) -> None:
    """``fill(request, arg)`` returns the HTML of hole ``name`` for the reader of ``request``."""
    _FILLERS[name] = fill


def personal(name: str, arg: str, html: str) -> SafeString:
    """``html`` (already safe) marked as the hole ``name`` about ``arg``."""
    if name not in _FILLERS or not ARG_RE.fullmatch(arg) or "-->" in arg:
        raise ValueError(f"no filler for the hole {name!r} or an unusable argument {arg!r}")
    return mark_safe(f"<!--hole:{name}:{arg}-->{html}<!--/hole-->")  # noqa: S308 - html is safe, arg has no markup


def emptied(content: bytes) -> bytes | None:
    """``content`` with every hole emptied, or None when one cannot be filled again."""
    if any(name.decode() not in _FILLERS for name, _ in HOLE_RE.findall(content)):
        return None
    return HOLE_RE.sub(rb"<!--hole:\1:\2--><!--/hole-->", content)


def filled(content: bytes, request: HttpRequest) -> bytes:
    """Every (emptied) hole of ``content`` filled for the reader of ``request``."""
    if b"<!--hole:" not in content:
        return content

    def fill(match: re.Match) -> bytes:
        name, arg = match.group(1), match.group(2)
        html = _FILLERS[name.decode()](request, arg.decode())
        return b"<!--hole:" + name + b":" + arg + b"-->" + html.encode() + b"<!--/hole-->"

    return HOLE_RE.sub(fill, content)
