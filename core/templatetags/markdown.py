"""Long text written by editors (reports, descriptions) as Markdown, rendered for the public page.

Two layers, so that neither alone has to be perfect: markdown-it-py parses CommonMark with raw
HTML turned off (any ``<tag>`` in the text comes out escaped) and refuses ``javascript:``-like
link targets; nh3 then keeps only an allow-list of tags and attributes and only http, https and
mailto URLs. Headings are shifted down so that the text's top-most level becomes h3: a report's
headings sit under the page's own h1 and its section h2, and never skip a level below them.
"""

import re
from urllib.parse import unquote

import nh3
from django import template
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

register = template.Library()

TOP_HEADING_LEVEL = 3

ALLOWED_TAGS = {
    "p",
    "br",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([^/?#]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def _demote_heading(self, tokens, idx, options, env):
    if "heading_shift" not in env:
        top = min(int(t.tag[1]) for t in tokens if t.type == "heading_open")
        env["heading_shift"] = TOP_HEADING_LEVEL - top
    token = tokens[idx]
    token.tag = f"h{min(int(token.tag[1]) + env['heading_shift'], 6)}"
    return self.renderToken(tokens, idx, options, env)


def _image_as_link(self, tokens, idx, options, env):
    """No images on public pages: an image becomes a link to it, named by its alt text."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}">{escapeHtml(alt)}</a>' if src else escapeHtml(alt)


def _href_filter(tag, attr, value):
    """Also drop a link whose scheme only appears once percent-decoded (``%6A%61vascript:``):
    harmless to browsers today, but a relative URL that looks like a scheme is never meant."""
    if attr == "href":
        scheme = _SCHEME.match(_INVISIBLE.sub("", unquote(value)).lower())
        if scheme and scheme[1] not in URL_SCHEMES:
            return None
    return value


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    md.add_render_rule("heading_open", _demote_heading)
    md.add_render_rule("heading_close", _demote_heading)
    md.add_render_rule("image", _image_as_link)
    return md


_md = _parser()


def render_markdown(text) -> str:
    """Safe HTML for ``text``; whatever the input, only the allow-listed markup comes out."""
    html = _md.render(str(text or ""))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_href_filter,
        link_rel="noopener nofollow",
        strip_comments=True,
    )


@register.filter(name="markdown")
def markdown_filter(value) -> str:
    return mark_safe(render_markdown(value))
