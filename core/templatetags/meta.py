"""The page's <meta name="description">: one or two plain-text sentences about a record for
search engines and link previews (templates/base.html, block ``meta_description``).

``{{ object|meta_summary }}`` takes the record's first non-empty summary-like field (the English
summary of a report in another language, for readers of other languages, first; then the
summary, purpose or description), renders its Markdown to plain text and cuts it at a word
boundary; a record with none of them gets its own name."""

from html import unescape

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

from core.templatetags.markdown import render_markdown

register = template.Library()

MAX_LENGTH = 160
FIELDS = ("summary", "purpose", "description")


def _source(obj) -> str:
    own_language = getattr(obj, "language", None)
    summary_en = getattr(obj, "summary_en", "")
    if summary_en and own_language and own_language not in ("en", (get_language() or "en")[:2]):
        return summary_en
    for field in FIELDS:
        value = getattr(obj, field, "")
        if isinstance(value, str) and value.strip():
            return value
    return ""


@register.filter
def meta_summary(obj, length: int = MAX_LENGTH) -> str:
    """Plain text (escaped again by the template) of at most ``length`` characters."""
    text = " ".join(strip_tags(render_markdown(_source(obj))).split())
    text = unescape(text)  # the rendered HTML's entities (&amp;) back into text
    if not text:
        return str(obj)
    return Truncator(text).chars(length)
