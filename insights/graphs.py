"""Who cooperates with whom, as graphs drawn on the server.

``cooperation_graph`` is one organisation's neighbourhood: the organisations it met on visits
and events (hosting them, visiting them, or at the same event) and its partners in projects.
``network_overview`` is the whole network of clusters, poles and networks linked by the visits
and events they took part in together. Both use a fixed number of queries and a deterministic
layout (the same data always gives the same picture), and both return the lists their text
alternatives show.
"""

import math
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from clusters.models import Organisation
from funding.participation import project_partner_links
from insights import network_groups
from visits.models import Visit
from visits.participation import MET, PROJECT, VISITED_US, WE_VISITED, Partner, Tie, visits_involving
from visits.participation import cooperation_partners as partners_of

__all__ = ["MET", "PROJECT", "VISITED_US", "WE_VISITED", "Partner", "Tie", "cooperation_graph", "network_overview"]

MAX_GRAPH_PARTNERS = 16
MAX_LIST_PARTNERS = 100
MAX_NETWORK_NODES = 40
LABEL_CHARS = 26


def short(text: str, n: int = LABEL_CHARS) -> str:
    text = str(text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def cooperation_partners(org, user, visits=None, project_links=None) -> list[Partner]:
    """Every organisation linked to ``org`` by a visit, an event or a project, most ties first
    (``visits.participation.cooperation_partners``, the profile's algorithm too). Two queries;
    none when given ``visits`` (``visits_involving``) and ``project_links`` (``project_partner_links``)."""
    visits = visits_involving(org, user) if visits is None else visits
    links = project_partner_links(org) if project_links is None else project_links
    return partners_of(org, visits, links)


def _years_label(ties: list[Tie]) -> str:
    years = sorted({t.year for t in ties if t.year})
    if len(years) > 3:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def _projects_label(ties: list[Tie]) -> str:
    names = list(dict.fromkeys(short(t.project, 14) for t in ties if t.kind == PROJECT))
    return ", ".join(names[:2]) + (" …" if len(names) > 2 else "")


def _trim(x1, y1, x2, y2, r1, r2):
    """The segment between two circles' edges rather than their centres (so arrowheads show)."""
    d = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / d, (y2 - y1) / d
    return round(x1 + ux * r1, 1), round(y1 + uy * r1, 1), round(x2 - ux * r2, 1), round(y2 - uy * r2, 1)


def _bezier(p0: float, control: float, p1: float, t: float) -> float:
    return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * control + t * t * p1


@dataclass(frozen=True)
class _Circle:
    """Where the cooperation graph draws: the organisation in the centre (``cx``, ``cy``), its
    partners on a circle of ``radius``; ``centre_r`` and ``node_r`` are the sizes of their dots."""

    cx: float
    cy: float
    radius: float
    centre_r: int = 16
    node_r: int = 8

    def position(self, i: int, count: int) -> tuple[float, float, float]:
        """The ``i``-th of ``count`` places on the circle, from the top, clockwise: its angle, x and y."""
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, count)
        return (
            angle,
            round(self.cx + self.radius * math.cos(angle), 1),
            round(self.cy + self.radius * math.sin(angle), 1),
        )


def cooperation_graph(org, user, visits=None, project_links=None) -> dict:
    """The picture of ``org``'s cooperation: it in the centre, its partners on a circle (most ties
    first, from the top, clockwise); a straight line for visits (arrows point at the visited),
    a dotted one for meeting at the same event, a dashed curve for a shared project."""
    partners = cooperation_partners(org, user, visits, project_links)
    shown = partners[:MAX_GRAPH_PARTNERS]
    width, height = 800, 520 if len(shown) > 6 else 420
    circle = _Circle(cx=width / 2, cy=height / 2, radius=min(height / 2 - 40, 190))
    nodes, edges = [], []
    for i, partner in enumerate(shown):
        angle, x, y = circle.position(i, len(shown))
        nodes.append(_partner_node(circle, partner, org, angle, x, y))
        pair = f"{org.acronym or org.name} — {partner.organisation.acronym or partner.organisation.name}"
        if any(t.kind != PROJECT for t in partner.ties):
            edges.append(_visit_edge(circle, partner, x, y, pair, org))
        if PROJECT in partner.kinds():
            edges.append(_project_edge(circle, partner, x, y, pair))
    return {
        "organisation": org,
        "width": width,
        "height": height,
        "cx": circle.cx,
        "cy": circle.cy,
        "centre_r": circle.centre_r,
        "node_r": circle.node_r,
        "centre_label": short(org.acronym or org.name, 30),
        "centre_label_y": circle.cy + circle.centre_r + 18,
        "nodes": nodes,
        "edges": edges,
        "partners": partners[:MAX_LIST_PARTNERS],
        "partners_total": len(partners),
        "shown_total": len(shown),
        "kinds": {k for p in shown for k in p.kinds()},
    }


def _partner_node(circle: _Circle, partner: Partner, org, angle: float, x: float, y: float) -> dict:
    """A partner's dot and its label, set outside the circle and anchored away from it."""
    cx, cy, radius = circle.cx, circle.cy, circle.radius
    cos = math.cos(angle)
    anchor = "middle" if abs(cos) < 0.2 else "start" if cos > 0 else "end"
    label_x = round(cx + (radius + 14) * cos, 1)
    label_y = round(cy + (radius + 14) * math.sin(angle) + 4 + (8 if abs(cos) < 0.2 and y > cy else 0), 1)
    if abs(cos) < 0.2 and y < cy:
        label_y -= 6
    o = partner.organisation
    return {
        "organisation": o,
        "x": x,
        "y": y,
        "label": short(o.acronym or o.name),
        "label_x": label_x,
        "label_y": label_y,
        "anchor": anchor,
        "title": f"{o}: {_describe(partner, org)}",
    }


def _visit_edge(circle: _Circle, partner: Partner, x: float, y: float, pair: str, org) -> dict:
    """A straight line to a partner met on visits or events, with arrows towards the visited."""
    cx, cy = circle.cx, circle.cy
    kinds = partner.kinds()
    visit_ties = [t for t in partner.ties if t.kind != PROJECT]
    x1, y1, x2, y2 = _trim(cx, cy, x, y, circle.centre_r + 1, circle.node_r + 1)
    style = "visit" if kinds & {VISITED_US, WE_VISITED} else "met"
    return {
        "d": f"M{x1} {y1}L{x2} {y2}",
        "css": f"edge edge-{style}",
        "start_arrow": VISITED_US in kinds,
        "end_arrow": WE_VISITED in kinds,
        "label": _years_label(visit_ties),
        "label_x": round(cx + (x - cx) * 0.62, 1),
        "label_y": round(cy + (y - cy) * 0.62 - 3, 1),
        "title": f"{pair}: {_describe(partner, org, projects=False)}",
    }


def _project_edge(circle: _Circle, partner: Partner, x: float, y: float, pair: str) -> dict:
    """A dashed curve to a project partner, bowed sideways so it does not hide a visit line to
    the same partner."""
    cx, cy, radius = circle.cx, circle.cy, circle.radius
    mx, my = (cx + x) / 2, (cy + y) / 2
    nx, ny = -(y - cy) / radius, (x - cx) / radius
    qx, qy = round(mx + nx * 40, 1), round(my + ny * 40, 1)
    x1, y1, _, _ = _trim(cx, cy, qx, qy, circle.centre_r + 1, 0)
    _, _, x2, y2 = _trim(qx, qy, x, y, 0, circle.node_r + 1)
    return {
        "d": f"M{x1} {y1}Q{qx} {qy} {x2} {y2}",
        "css": "edge edge-project",
        "label": _projects_label(partner.ties),
        # On the curve, three quarters of the way out, where labels crowd less than at the centre.
        "label_x": round(_bezier(cx, qx, x, 0.74), 1),
        "label_y": round(_bezier(cy, qy, y, 0.74) + 4, 1),
        "title": f"{pair}: " + ", ".join(str(t.project) for t in partner.ties if t.kind == PROJECT),
    }


def _describe(partner: Partner, org, projects: bool = True) -> str:
    parts = []
    for kind, text in (
        (VISITED_US, _("visited {name} in {years}")),
        (WE_VISITED, _("visited by {name} in {years}")),
        (MET, _("met {name} at an event in {years}")),
    ):
        ties = [t for t in partner.ties if t.kind == kind]
        if ties:
            parts.append(str(text).format(name=org.acronym or org.name, years=_years_label(ties)))
    if projects:
        names = [str(t.project) for t in partner.ties if t.kind == PROJECT]
        if names:
            parts.append(str(_("partner in {projects}")).format(projects=", ".join(names)))
    return "; ".join(parts)


def network_links(limit: int = MAX_NETWORK_NODES) -> tuple[list[int], list[tuple[int, int, int]], int, int]:
    """Clusters, poles and networks linked by published visits and events they took part in
    together (the participation rule, any role; ``VisitQuerySet.co_participation``), an event
    told by several accounts once. Keeps at
    most ``limit`` of them, from the strongest links down, so that the picture shows links rather
    than busy but unrelated nodes; their ids, every link among them, the totals. Two queries."""
    return Visit.objects.events_visible_to(AnonymousUser()).co_participation(Organisation.CLUSTER_KINDS, limit)


def with_counted_groups(chosen: list, links: list, limit: int) -> tuple[list, list, dict]:
    """``chosen`` and ``links`` with the counted groups with a country (``network_groups``): a
    node per country, linked to the chosen organisations they met, and to others (a cluster
    whose only visitors were a counted group) while fewer than ``limit`` are chosen. One query."""
    groups, group_links = network_groups.group_links(Organisation.CLUSTER_KINDS)
    chosen, shown = list(chosen), {}
    for key, org, n in group_links:
        if org not in chosen and len(chosen) < limit:
            chosen.append(org)
        if org in chosen:
            shown[key] = groups[key]
            links = [*links, (key, org, n)]
    return chosen, links, shown


def network_overview(limit: int = MAX_NETWORK_NODES) -> dict:
    """The network picture: nodes on a circle grouped by country (a gap between countries),
    labels along the radius, links as curves through the middle, thicker for more shared
    visits; counted groups with a country as a node per country (``with_counted_groups``).
    Four queries."""
    chosen, links, nodes_total, links_total = network_links(limit)
    before = len(chosen), len(links)
    chosen, links, counted = with_counted_groups(chosen, links, limit)
    # The clusters met only by a counted group, the groups and their links were not in the totals.
    nodes_total += len(chosen) - before[0] + len(counted)
    links_total += len(links) - before[1]
    organisations = {
        o.pk: o for o in Organisation.objects.filter(pk__in=chosen).only("name", "acronym", "slug", "kind", "country")
    }
    organisations.update(counted)
    ordered = sorted(organisations.values(), key=lambda o: (o.country.code or "~", o.name.casefold(), str(o.pk)))
    groups = len({o.country.code for o in ordered})
    slots = len(ordered) + (groups if groups > 1 else 0)
    size, radius = 840, 220  # leaves ~190 units outside the circle for the labels
    c = size / 2
    nodes, position, slot, previous = [], {}, 0, None
    shapes = {
        Organisation.Kind.CLUSTER: "circle",
        Organisation.Kind.POLE: "square",
        Organisation.Kind.NETWORK: "diamond",
        "counted_group": "triangle",
    }
    outlines = {
        "circle": "M{x} {y}m-6 0a6 6 0 1 0 12 0a6 6 0 1 0 -12 0z",
        "square": "M{x} {y}m-5.5 -5.5h11v11h-11z",
        "diamond": "M{x} {y}m0 -7.5l7.5 7.5 -7.5 7.5 -7.5 -7.5z",
        "triangle": "M{x} {y}m0 -7.5l7 12h-14z",
    }
    for o in ordered:
        if previous is not None and o.country.code != previous and groups > 1:
            slot += 1
        previous = o.country.code
        angle = -math.pi / 2 + 2 * math.pi * slot / max(1, slots)
        slot += 1
        x, y = round(c + radius * math.cos(angle), 1), round(c + radius * math.sin(angle), 1)
        position[o.pk] = (x, y)
        degrees = math.degrees(angle)
        left = math.cos(angle) < 0
        nodes.append(
            {
                "organisation": o,
                "x": x,
                "y": y,
                "shape": shapes.get(o.kind, "circle"),
                "shape_d": outlines[shapes.get(o.kind, "circle")].format(x=x, y=y),
                "label": short(o.acronym or o.name, 20) + (f" ({o.country.code})" if o.country else ""),
                # Text runs outward along the radius; on the left half it is turned to stay upright.
                "label_x": round(c + (radius + 12) * math.cos(angle), 1),
                "label_y": round(c + (radius + 12) * math.sin(angle), 1),
                "rotate": round(degrees + 180 if left else degrees, 1),
                "anchor": "end" if left else "start",
            }
        )
    top = max((n for _a, _b, n in links), default=1)
    edges = []
    for a, b, n in sorted(links, key=lambda link: (link[2], str(link[0]), str(link[1]))):
        if a not in position or b not in position:
            continue
        (x1, y1), (x2, y2) = position[a], position[b]
        # Pull the curve towards the centre, more for nodes far apart.
        qx, qy = round((x1 + x2) / 4 + c / 2, 1), round((y1 + y2) / 4 + c / 2, 1)
        edges.append(
            {
                "d": f"M{x1} {y1}Q{qx} {qy} {x2} {y2}",
                "width": round(1 + 4 * math.log1p(n) / math.log1p(top), 1) if top > 1 else 1.5,
                "a": organisations[a],
                "b": organisations[b],
                "count": n,
            }
        )
    table = sorted(edges, key=lambda e: (-e["count"], e["a"].name.casefold(), e["b"].name.casefold()))
    return {
        "size": size,
        "nodes": nodes,
        "edges": edges,
        "table": table,
        "nodes_total": nodes_total,
        "links_total": links_total,
        "capped": nodes_total > len(nodes),
        "groups_total": len(counted),
        "limit": limit,
        "shapes": sorted({n["shape"] for n in nodes}),
    }
