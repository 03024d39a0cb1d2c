"""A dated claim on a page (``core.provenance``): ``{{ instrument.dated_status|as_of }}`` gives
"Active (as of Oct 2026, per ...)" from a recent source, "Active as of Oct 2014, per ..." from an
older one, and "Active (not dated)" without a date; the class says which, for styling and tests."""

from django import template
from django.utils.html import format_html

from core.provenance import Dated

register = template.Library()


@register.filter
def as_of(value: Dated | None) -> str:
    if value is None:
        return ""
    state = "current" if value.current else "history" if value.dated else "undated"
    return format_html('<span class="as-of as-of-{}">{}</span>', state, str(value))
