from django import template
from django.contrib.auth.models import AnonymousUser

from insights.graphs import MET, PROJECT, VISITED_US, WE_VISITED, cooperation_graph

register = template.Library()


@register.inclusion_tag("insights/includes/cooperation_graph.html", takes_context=True, name="cooperation_graph")
def cooperation_graph_tag(context, organisation):
    """``{% cooperation_graph organisation %}``: its cooperation graph and the list alternative,
    from the visits the reader may see (staff also see drafts). Reads the visits and project
    links the profile page already loaded (``organisation.involved_visits``,
    ``organisation.project_partner_links``); otherwise two queries."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    return {
        "graph": cooperation_graph(
            organisation,
            user,
            getattr(organisation, "involved_visits", None),
            getattr(organisation, "project_partner_links", None),
        ),
        "VISITED_US": VISITED_US,
        "WE_VISITED": WE_VISITED,
        "MET": MET,
        "PROJECT": PROJECT,
    }
