from django import template
from django.urls import NoReverseMatch
from django.utils.html import format_html

register = template.Library()


@register.filter
def url_of(obj) -> str:
    """``obj.get_absolute_url()``, or "" when it has none or its page is not routed (yet)."""
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


@register.simple_tag
def link(obj, text=None):
    """A link to ``obj``'s page labelled ``text`` (default ``str(obj)``); plain text when it has no page."""
    text = obj if text is None else text
    url = url_of(obj)
    return format_html('<a href="{}">{}</a>', url, text) if url else format_html("{}", text)
