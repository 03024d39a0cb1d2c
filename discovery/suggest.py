"""Who to meet: ranked partner suggestions for an organisation, each with its reasons and
their points (the weights and caps: ``discovery.weights``).

Existing partners (any published visit or project shared, ``discovery.graph``) are left out.
The database scores every organisation with one of the first eight reasons and keeps the best
``SHORTLIST``; the label and activity points, at most 2.5, are added to those and the list
sorted again. Seven queries, whatever the number of organisations.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from taggit.models import Tag, TaggedItem

from clusters.models import Ecosystem, Label, Organisation
from discovery import reasons
from discovery.graph import Neighbourhood, last_active, neighbourhood
from discovery.weights import CAPS, SHORTLIST, WEIGHTS
from funding.models import Instrument, Project, ProjectPartner

SCORE_SQL = """
WITH mine AS (
    SELECT tag_id FROM {tagged} WHERE content_type_id = %(ct)s AND object_id = %(pk)s
), tagged AS (
    SELECT t.id, array_agg(t.name ORDER BY t.name) AS names FROM (
        SELECT tt.object_id::bigint AS id, tg.name FROM mine JOIN {tag} AS tg ON tg.id = mine.tag_id
        CROSS JOIN LATERAL (
            SELECT object_id FROM {tagged} WHERE content_type_id = %(ct)s AND tag_id = mine.tag_id
            ORDER BY object_id LIMIT %(per_tag)s
        ) AS tt
    ) AS t GROUP BY t.id
), funded AS (
    SELECT pp.organisation_id AS id, array_agg(DISTINCT pr.instrument_id) AS ids
    FROM {partners} AS pp JOIN {projects} AS pr ON pr.id = pp.project_id
    WHERE pr.instrument_id = ANY(%(instruments)s) AND NOT pp.project_id = ANY(%(hidden)s)
    GROUP BY pp.organisation_id
), via AS (
    SELECT * FROM unnest(%(via_ids)s::bigint[], %(via_counts)s::int[]) AS v(id, n)
), candidates AS (
    SELECT id FROM tagged UNION SELECT id FROM funded UNION SELECT id FROM via {broad}
), scored AS (
    SELECT o.id, o.name, o.acronym, o.slug, o.kind, o.country, o.sort_name,
           ARRAY(SELECT e FROM unnest(o.ecosystem_ids) AS e WHERE e = ANY(%(ecosystems)s) ORDER BY e) AS ecosystems,
           COALESCE(t.names, '{{}}') AS tags, COALESCE(f.ids, '{{}}') AS instruments, COALESCE(v.n, 0) AS vias,
           o.country = ANY(%(targets)s) AS target, COALESCE(o.country = %(home)s, false) AS same_country,
           COALESCE(%(home)s = ANY(string_to_array(o.target_countries, ',')), false) AS targeted,
           o.country = ANY(%(partner_countries)s) AS partner_country
    FROM candidates AS c JOIN {organisations} AS o ON o.id = c.id
    LEFT JOIN tagged AS t ON t.id = o.id LEFT JOIN funded AS f ON f.id = o.id LEFT JOIN via AS v ON v.id = o.id
    WHERE o.id <> %(pk)s AND NOT o.id = ANY(%(exclude)s) {filters}
)
SELECT *, LEAST(vias, %(cap_via)s) * %(w_via)s
        + LEAST(cardinality(instruments), %(cap_instrument)s) * %(w_instrument)s
        + LEAST(cardinality(ecosystems), %(cap_ecosystem)s) * %(w_ecosystem)s
        + LEAST(cardinality(tags), %(cap_tag)s) * %(w_tag)s
        + CASE WHEN target THEN %(w_target)s ELSE 0 END + CASE WHEN same_country THEN %(w_country)s ELSE 0 END
        + CASE WHEN targeted THEN %(w_targeted)s ELSE 0 END
        + CASE WHEN partner_country THEN %(w_partner_country)s ELSE 0 END AS score
FROM scored ORDER BY score DESC, sort_name, id LIMIT %(limit)s
"""

# The organisations with one of the broad reasons (an ecosystem, the home or a target country,
# their target country), many thousands at 100,000 organisations: for each reason and for each
# pair with an ecosystem, the first ``BROAD`` by folded name, the order ties are broken in, read
# in that order from the indexes (organisation_country_sort, organisation_sort_name_id). Scoring
# every one of them read 47,000 rows, 1.9 s. A candidate is missed only when ``BROAD`` others
# come before it by name in every broad reason it has, and has no strong reason.
BROAD_SQL = (
    " UNION (SELECT id FROM {organisations} AS o WHERE {condition} AND o.id <> %(pk)s"
    " AND NOT o.id = ANY(%(exclude)s) {filters} ORDER BY o.sort_name, o.id LIMIT %(broad)s)"
)
BROAD = 100
# A topic tags up to half the organisations at 100,000 (48,000 rows for one tag): per tag, the
# first ``PER_TAG`` organisations it tags (by id) are candidates; a rarer tag counts in full.
PER_TAG = 300
# Partners in many countries: the candidates of the first five (most partners) are read.
PARTNER_COUNTRIES = 5


def _broad(org, graph: Neighbourhood, filters: str) -> str:
    ecosystems = "o.ecosystem_ids && %(ecosystems)s::bigint[]"
    conditions = [ecosystems] if org.ecosystem_ids else []
    for i, country in enumerate(_countries(org, graph)):
        if country:
            conditions += [f"o.country = %(country_{i})s", f"o.country = %(country_{i})s AND {ecosystems}"]
    if org.country.code:  # not with an ecosystem too: that pair reads a third of the table
        conditions.append("o.target_countries LIKE %(home_like)s")
    if not org.ecosystem_ids:
        conditions = [c for c in conditions if ecosystems not in c]
    tables = _tables()
    return "".join(BROAD_SQL.format(condition=c, filters=filters, **tables) for c in dict.fromkeys(conditions))


def _partner_countries(org, graph: Neighbourhood) -> list[str]:
    """The countries of its partners but its own, most partners first."""
    return [c for c in graph.partner_countries if c != org.country.code]


def _countries(org, graph: Neighbourhood) -> list[str]:
    """Its country, its target countries and the first ``PARTNER_COUNTRIES`` of its partners'."""
    partner_countries = _partner_countries(org, graph)[:PARTNER_COUNTRIES]
    return [org.country.code, *(c.code for c in org.target_countries), *partner_countries]


# The names the reasons show: intermediaries, instruments, ecosystems.
NAMES_SQL = """
SELECT 'o', id, name, acronym, slug FROM {organisations} WHERE id = ANY(%s)
UNION ALL SELECT 'i', id, name, acronym, slug FROM {instruments} WHERE id = ANY(%s)
UNION ALL SELECT 'e', id, name, '', slug FROM {ecosystems} WHERE id = ANY(%s)
"""


@dataclass
class Suggestion:
    organisation: Organisation
    reasons: list = field(default_factory=list)

    @property
    def score(self) -> float:
        return round(sum(r.points for r in self.reasons), 2)


def _tables() -> dict:
    return {
        "organisations": Organisation._meta.db_table,
        "tagged": TaggedItem._meta.db_table,
        "tag": Tag._meta.db_table,
        "partners": ProjectPartner._meta.db_table,
        "projects": Project._meta.db_table,
        "instruments": Instrument._meta.db_table,
        "ecosystems": Ecosystem._meta.db_table,
    }


def _score(org, graph: Neighbourhood, *, countries, kinds, limit: int) -> list[dict]:
    filters = ""
    if countries:
        filters += " AND o.country = ANY(%(countries)s)"
    if kinds:
        filters += " AND o.kind = ANY(%(kinds)s)"
    via_ids = sorted(graph.vias)
    params = {
        "pk": org.pk,
        "ct": ContentType.objects.get_for_model(Organisation).pk,
        "instruments": sorted(graph.instruments),
        "hidden": sorted(graph.hidden_projects),
        "via_ids": via_ids,
        "via_counts": [len(graph.vias[pk]) for pk in via_ids],
        "ecosystems": list(org.ecosystem_ids),
        "targets": [c.code for c in org.target_countries],
        "home": org.country.code or None,  # no country: none of the country reasons
        "home_like": f"%{org.country.code}%",
        "exclude": sorted(graph.partners),
        "countries": list(countries),
        "kinds": list(kinds),
        "limit": limit,
        "broad": BROAD,
        "per_tag": PER_TAG,
        **{f"country_{i}": c for i, c in enumerate(_countries(org, graph)) if c},
        "partner_countries": _partner_countries(org, graph),
        **{f"w_{k}": v for k, v in WEIGHTS.items()},
        **{f"cap_{k}": v for k, v in CAPS.items()},
    }
    with connection.cursor() as cursor:
        sql = SCORE_SQL.format(filters=filters, broad=_broad(org, graph, filters), **_tables())
        cursor.execute(sql, params)
        columns = [c.name for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _extras(ids: list[int]) -> tuple[dict, dict]:
    """Current labels and last active year of the organisations ``ids``; two queries."""
    labels: dict[int, list[Label]] = {}
    for label in Label.objects.current().filter(organisation_id__in=ids).order_by("organisation_id", "kind", "pk"):
        labels.setdefault(label.organisation_id, []).append(label)
    return labels, last_active(ids)


def _names(rows: list[dict], graph: Neighbourhood) -> dict:
    org_ids = sorted({v for row in rows for v in graph.vias.get(row["id"], ())})
    instrument_ids = sorted({i for row in rows for i in row["instruments"]})
    ecosystem_ids = sorted({e for row in rows for e in row["ecosystems"]})
    names: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(NAMES_SQL.format(**_tables()), [org_ids, instrument_ids, ecosystem_ids])
        for kind, pk, name, acronym, slug in cursor.fetchall():
            names[kind, pk] = reasons.Named(name, acronym, slug, kind)
    return names


def suggest(org, *, countries=(), kinds=(), limit: int = 5, hide: int | None = None, today=None) -> list[Suggestion]:
    """The ``limit`` best suggestions for ``org`` (an ``Organisation`` with ``ecosystem_ids``,
    ``country`` and ``target_countries``), optionally only of ``countries`` and ``kinds``, best
    first, each with its reasons and their points. ``hide``: an organisation whose link with
    ``org`` is taken out of the graph (the offline evaluation). Seven queries."""
    today = today or datetime.date.today()
    graph = neighbourhood(org.pk, hide)
    rows = _score(org, graph, countries=countries, kinds=kinds, limit=max(SHORTLIST, limit))
    ids = [row["id"] for row in rows]
    labels, years = _extras(ids)
    suggestions = []
    for row in rows:
        found = [
            reasons.counted("via", sorted(graph.vias.get(row["id"], ())), "o"),
            reasons.counted("instrument", row["instruments"], "i"),
            reasons.counted("ecosystem", row["ecosystems"], "e"),
            reasons.counted("tag", row["tags"], None),
            reasons.flag("target", row["target"], row["country"]),
            reasons.flag("targeted", row["targeted"], org.country.code),
            reasons.flag("country", row["same_country"], row["country"]),
            reasons.flag("partner_country", row["partner_country"], row["country"]),
            reasons.label(labels.get(row["id"], [])),
            reasons.recent(years.get(row["id"]), today.year),
        ]
        organisation = Organisation(
            pk=row["id"],
            name=row["name"],
            acronym=row["acronym"],
            slug=row["slug"],
            kind=row["kind"],
            country=row["country"],
        )
        suggestions.append(Suggestion(organisation, [r for r in found if r is not None]))
    position = {pk: i for i, pk in enumerate(ids)}  # the database's order (folded name) among equal scores
    suggestions.sort(key=lambda s: (-s.score, position[s.organisation.pk]))
    suggestions = suggestions[:limit]
    names = _names([r for r in rows if r["id"] in {s.organisation.pk for s in suggestions}], graph)
    for suggestion in suggestions:
        for reason in suggestion.reasons:
            reason.resolve(names)
    return suggestions
