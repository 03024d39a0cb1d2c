"""The small part of Markdown that reports use (headings, paragraphs, lists, bold, italics),
rendered from escaped text so that no HTML in a report ever reaches the page."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*[-*]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def _inline(text: str) -> str:
    return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", text))


def _flush(html: list[str], paragraph: list[str], items: list[str]) -> None:
    if paragraph:
        html.append(f"<p>{_inline(' '.join(paragraph))}</p>")
        paragraph.clear()
    if items:
        html.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
        items.clear()


@register.filter
def report_markdown(value) -> str:
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    for block in re.split(r"\n\s*\n", escape(str(value or "")).replace("\r\n", "\n").strip()):
        for line in (line.strip() for line in block.split("\n")):
            if not line:
                continue
            if heading := _HEADING.match(line):
                _flush(html, paragraph, items)
                level = max(3, len(heading[1]))  # under the page's own h1 and h2
                html.append(f"<h{level}>{_inline(heading[2])}</h{level}>")
            elif item := _ITEM.match(line):
                if paragraph:
                    _flush(html, paragraph, items)
                items.append(item[1])
            elif items:
                items[-1] += " " + line  # a wrapped list item
            else:
                paragraph.append(line)
        _flush(html, paragraph, items)
    return mark_safe("\n".join(html))
