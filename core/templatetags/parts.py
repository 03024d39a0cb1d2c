"""``{% dotted %}``: parts of a one-line summary joined by " · ", empty parts left out.

    {% load parts %}
    {% dotted %}{% include "dates.html" %}{% part %}{% if x %}funded by {{ x }}{% endif %}{% enddotted %}

A part that renders to nothing but spaces or empty tags is dropped with its separator, so a
record missing a fact shows no stray "·" at the start, end or doubled in the middle.
"""

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

SEPARATOR = " · "


class DottedNode(template.Node):
    def __init__(self, nodelists):
        self.nodelists = nodelists

    def render(self, context):
        parts = [nodelist.render(context).strip() for nodelist in self.nodelists]
        # Each part is template output, escaped already by the template engine.
        return mark_safe(SEPARATOR.join(p for p in parts if strip_tags(p).strip()))  # noqa: S308


@register.tag("dotted")
def do_dotted(parser, token):
    nodelists = [parser.parse(("part", "enddotted"))]
    token = parser.next_token()
    while token.contents == "part":
        nodelists.append(parser.parse(("part", "enddotted")))
        token = parser.next_token()
    return DottedNode(nodelists)
