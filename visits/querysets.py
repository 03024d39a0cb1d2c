"""How visits are read: ``VisitQuerySet``, with the visits' side of the participation rule
(``clusters.participation.participation_links``), the delegation countries, and the raw SQL
that must stay raw, each behind a named method.

Kept apart from visits/models.py so that the SQL sits beside the QuerySet that runs it; the
models are reached through ``self.model`` or imported inside a method (they import this module).
"""

from django.db import connections, models
from django.db.models import Case, Exists, F, JSONField, OuterRef, Q, Subquery, When
from django.db.models.expressions import RawSQL

from clusters.models import Organisation
from clusters.participation import participation_links
from core import fulltext

PUBLISHED = "published"  # Visit.Status.PUBLISHED

# Everyone involved in a visit through the participation rule's links but its organiser (read
# with ``select_related``), as one JSON array per visit (text, which JSONField decodes) of
# [relation, day, position, role, id, name, acronym, slug, kind, country]. The relation, the day
# of a stop and a participant's role are what the timeline and the partner algorithm need, and
# what the ORM's ``(visit, organisation)`` pairs cannot carry in one query.
INVOLVED_SQL = """
SELECT COALESCE(json_agg(json_build_array(i.relation, i.day, i.position, i.role, o.id, o.name, o.acronym,
                                          o.slug, o.kind, o.country)
                         ORDER BY i.relation, i.day, i.position, i.n, o.name, o.id)::text, '[]')
FROM (
    SELECT 'host' AS relation, 0 AS day, 0 AS position, '' AS role, id AS n, organisation_id AS org
    FROM {hosts} WHERE visit_id IN ({accounts})
    UNION ALL SELECT 'delegation', 0, 0, '', id, organisation_id FROM {delegation} WHERE visit_id IN ({accounts})
    UNION ALL SELECT 'stop', day, position, '', id, host_id FROM {stops}
    WHERE visit_id IN ({accounts}) AND host_id IS NOT NULL
    UNION ALL SELECT 'participant', 0, 0, role, id, organisation_id FROM {participants}
    WHERE visit_id IN ({accounts}) AND organisation_id IS NOT NULL
) AS i JOIN {organisations} AS o ON o.id = i.org
"""
# The counted groups with a country (a participant with a group and no organisation, e.g. "18
# Belarusian clusters") of a visit and its other accounts, as [role, group, count, country].
GROUPS_SQL = """
SELECT COALESCE(json_agg(json_build_array(p.role, p."group", p.count, p.country) ORDER BY p.role, p.id)::text, '[]')
FROM {participants} AS p
WHERE p.visit_id IN ({accounts}) AND p.organisation_id IS NULL AND p."group" <> '' AND p.country <> ''
"""
# The visit itself and the other accounts of its event the reader may see (``{status}``: empty,
# or a condition on their status): whoever took part in one of them took part in the event.
ACCOUNTS_SQL = "SELECT {visits}.id UNION ALL SELECT a.id FROM {visits} AS a WHERE a.account_of_id = {visits}.id{status}"

# Pairs of organisations of some kinds that took part in the same visits (``involved``: the
# participation rule's (visit, organisation) pairs, built by the ORM), with how many visits
# each pair shared. A self-join and a weighted ranking the ORM does not express.
CO_PARTICIPATION_CTE = """
WITH involved(visit_id, org) AS ({involved}), chosen AS (
    SELECT i.visit_id, i.org FROM involved i
    JOIN {organisations} o ON o.id = i.org AND o.kind = ANY(%s) {only}
), links AS (
    SELECT a.org AS a, b.org AS b, COUNT(*) AS n
    FROM chosen a JOIN chosen b ON a.visit_id = b.visit_id AND a.org < b.org
    GROUP BY a.org, b.org
)
"""
# The strongest links first (most shared visits, then the busiest pair), and the totals as a
# last row (-1, organisations, links).
CANDIDATES_SQL = (
    CO_PARTICIPATION_CTE
    + """, degree AS (
    SELECT org, SUM(n) AS w FROM (SELECT a AS org, n FROM links UNION ALL SELECT b, n FROM links) d GROUP BY org
)
(SELECT l.a, l.b, l.n FROM links l JOIN degree da ON da.org = l.a JOIN degree db ON db.org = l.b
 ORDER BY l.n DESC, da.w + db.w DESC, l.a, l.b LIMIT %s)
UNION ALL SELECT -1, (SELECT COUNT(*) FROM degree), (SELECT COUNT(*) FROM links)
"""
)
AMONG_SQL = CO_PARTICIPATION_CTE + "SELECT a, b, n FROM links"


def _lookup(organisations) -> tuple[str, object]:
    """The lookup suffix and value for an organisation, its id, an expression or several."""
    if isinstance(organisations, Organisation):
        return "", organisations.pk
    if isinstance(organisations, models.QuerySet):
        return "__in", organisations.values("pk")
    if isinstance(organisations, list | tuple | set | frozenset):
        return "__in", list(organisations)
    return "", organisations


def involvement(organisations, *, drafts: bool = False) -> Q:
    """A condition on visits: ``organisations`` (an organisation, an id, ids, a QuerySet or an
    ``OuterRef``) took part in the visit under the participation rule (host, delegation member,
    itinerary-stop host, participant in any role, organiser), either in it or in another account
    of its event (``Visit.account_of``; draft accounts count only with ``drafts``).

    One ``pk IN (...)`` over the union of the visits the links name (and the first records of
    the accounts among them), so that rows never repeat. The former shape, one correlated
    ``EXISTS`` per link with ``visit = pk OR visit.account_of = pk``, could not use an index and
    was evaluated for every published visit: 330 ms of an organisation's page at 100,000 rows,
    against a few ms for the organisation's links read once."""
    suffix, value = _lookup(organisations)
    parts = []
    for link in participation_links():
        rows = link.rows().filter(**{f"{link.organisation}{suffix}": value}).order_by()
        parts.append(rows.values_list("pk" if link.visit == "pk" else f"{link.visit}_id"))
        accounts = {link.visit_path("account_of__isnull"): False}
        if not drafts:
            accounts[link.visit_path("status")] = PUBLISHED
        parts.append(rows.filter(**accounts).values_list(link.visit_path("account_of")))
    return Q(pk__in=parts[0].union(*parts[1:], all=True))


# ``participation_pairs``'s SQL by the SQL and parameters of the visits it pairs: the same
# filters give the same SQL (the links are fixed); a few hundred filter combinations at most.
_PAIRS_SQL: dict[tuple, tuple[str, list]] = {}


def _union(querysets) -> tuple[str, list]:
    parts, params = [], []
    for queryset in querysets:
        sql, part = queryset.order_by().query.sql_with_params()
        parts.append(f"({sql})")
        params += part
    return " UNION ".join(parts), params


class VisitQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PUBLISHED)

    def visible_to(self, user):
        """Drafts are for staff only; everyone else sees published visits."""
        return self if user.is_staff else self.published()

    def events_visible_to(self, user):
        """The visits ``user`` may see that stand for their event, once each: every visit but
        another account (``account_of``) of a first record ``user`` may also see. The visit
        list, the home page's counts and the graphs read events; a visit's page names its other
        accounts. See ``clusters.participation.participation_links`` for the whole rule."""
        visible = self.visible_to(user)
        if user.is_staff:
            return visible.filter(account_of__isnull=True)
        # The accounts whose first record is published, as ``NOT (id IN (...))`` over a subquery
        # the planner reads from the account_of index (a few rows). Not the LEFT JOIN of
        # ``exclude(account_of__status=...)``, estimated to keep a tenth of the rows (the list
        # sorted every visit on disk), nor ``account_of IS NULL OR NOT EXISTS``, whose hashed
        # alternative made every facet's plan read the visits again (/visits/?page=500's facets:
        # 253,000 buffers, now 36,000).
        told_elsewhere = self.model.objects.filter(account_of__isnull=False, account_of__status=PUBLISHED)
        return visible.exclude(pk__in=told_elsewhere.values("pk"))

    def most_recent(self, n: int = 5):
        return self.order_by("-start_date", "-pk")[:n]

    def search(self, query):
        """Full-text (stemmed in each report's language) and typo-tolerant title search,
        annotated with ``search_rank``. Combine with ``visible_to()``: drafts are not filtered here."""
        return fulltext.search(self, query)

    # --- The participation rule, visits' side -----------------------------------------------

    def involving(self, organisations, *, drafts: bool = False):
        """Visits in which ``organisations`` (an organisation, an id, ids or a QuerySet) took
        part, themselves or through another account of their event (``involvement``; draft
        accounts count with ``drafts``, for staff): hosted, were in the delegation, hosted an
        itinerary stop, are listed as a participant in any role, or organised. The same rule as
        ``OrganisationQuerySet.took_part`` (``clusters.participation.participation_links``)."""
        return self.filter(involvement(organisations, drafts=drafts))

    def participation_pairs(self, *, drafts: bool = False) -> tuple[str, list]:
        """SQL of every distinct ``(visit_id, organisation_id)`` of these visits under the
        participation rule, built by the ORM from its links; the organisations of another
        account of one of these visits (published, or any with ``drafts``) are paired with that
        visit, so that an event counts once however many accounts tell it.

        Compiling the ten parts took 16 ms a visit list request (their counts come from the
        cache, their SQL does not): the SQL is kept per SQL of these visits (``_PAIRS_SQL``)."""
        ids = self.order_by().values("pk")
        sql, params = ids.query.sql_with_params()
        try:
            key = (sql, tuple(params), drafts, self.db)
            hash(key)
        except TypeError:  # a list among the parameters: compiled each time
            key = None
        if key is not None and key in _PAIRS_SQL:
            sql, params = _PAIRS_SQL[key]
            return sql, list(params)
        pairs = self._participation_pairs(ids, drafts)
        if key is not None:
            if len(_PAIRS_SQL) >= 256:
                _PAIRS_SQL.clear()
            _PAIRS_SQL[key] = pairs
        return pairs

    def _participation_pairs(self, ids, drafts: bool) -> tuple[str, list]:
        querysets = []
        for link in participation_links():
            querysets.append(link.pairs().filter(**{f"{link.visit}__in": ids}))
            # ``account_of IS NOT NULL`` is implied by the IN, but the planner does not derive it:
            # stated, it reads the few accounts from the account_of index instead of joining
            # every link row to every visit (70 ms a link at 100,000 rows, 0.1 ms now).
            accounts = {"account_of__isnull": False, "account_of__in": ids}
            if not drafts:
                accounts["status"] = PUBLISHED
            querysets.append(
                link.rows(**accounts).order_by().values_list(link.visit_path("account_of"), f"{link.organisation}_id")
            )
        return _union(querysets)

    def involved_counts_sql(self, limit: int, *, drafts: bool = False, first=()) -> tuple[str, list]:
        """The "organisation involved" facet of these visits as ``facet_value, facet_label,
        facet_count, facet_values`` SQL: per organisation, how many of them it took part in
        (``participation_pairs``), the organisations of the slugs ``first`` and then the top ones,
        ``limit`` + 1 in all, with slug and name, and how many organisations there are in all.
        Reads the links of these visits only, never every organisation."""
        pairs, params = self.participation_pairs(drafts=drafts)
        table = Organisation._meta.db_table
        sql = (
            "SELECT o.slug AS facet_value, o.name AS facet_label, c.n AS facet_count, c.total AS facet_values FROM ("
            "SELECT l.organisation_id, COUNT(*) AS n, COUNT(*) OVER () AS total"
            f" FROM ({pairs}) AS l(visit_id, organisation_id) GROUP BY l.organisation_id"
            f" ORDER BY l.organisation_id IN (SELECT id FROM {table} WHERE slug = ANY(%s)) DESC,"
            " n DESC, l.organisation_id LIMIT %s"
            f") AS c JOIN {table} AS o ON o.id = c.organisation_id"
        )
        return sql, [*params, list(first), limit + 1]

    def with_involved(self, *, drafts: bool = False):
        """Annotated with ``involved``: everyone involved in each visit but its organiser, as a
        list of [relation, day, position, role, id, name, acronym, slug, kind, country]
        (``INVOLVED_SQL``; ``visits.participation.visits_involving`` reads it), and with
        ``involved_groups``, its counted groups with a country as [role, group, count, country]
        (``GROUPS_SQL``); those of its other accounts included (published ones, or any with
        ``drafts``). One query."""
        from visits.models import ItineraryStop, Participant  # noqa: PLC0415 (models import this module)

        visits = self.model._meta.db_table
        status = "" if drafts else f" AND a.status = '{PUBLISHED}'"
        accounts = ACCOUNTS_SQL.format(visits=visits, status=status)
        participants = Participant._meta.db_table
        sql = INVOLVED_SQL.format(
            hosts=self.model.hosts.through._meta.db_table,
            delegation=self.model.delegation.through._meta.db_table,
            stops=ItineraryStop._meta.db_table,
            participants=participants,
            accounts=accounts,
            organisations=Organisation._meta.db_table,
        )
        groups = GROUPS_SQL.format(participants=participants, accounts=accounts)
        return self.annotate(
            involved=RawSQL(sql, (), output_field=JSONField()),
            involved_groups=RawSQL(groups, (), output_field=JSONField()),
        )

    def co_participation(self, kinds, limit: int) -> tuple[list[int], list[tuple[int, int, int]], int, int]:
        """Organisations of ``kinds`` linked by taking part in the same of these visits (the
        participation rule). Keeps at most ``limit`` of them, taken from the strongest links down;
        returns their ids, every link ``(a, b, shared visits)`` among them (``a < b``), and the
        totals before the cap. Two queries (``CANDIDATES_SQL``, ``AMONG_SQL``)."""
        involved, params = self.participation_pairs()
        table = Organisation._meta.db_table
        chosen: list[int] = []
        nodes_total = links_total = 0
        with connections[self.db].cursor() as cursor:
            sql = CANDIDATES_SQL.format(involved=involved, organisations=table, only="")
            cursor.execute(sql, [*params, list(kinds), 4 * limit])
            for a, b, n in cursor.fetchall():
                if a == -1:
                    nodes_total, links_total = b, n
                    continue
                new = [pk for pk in (a, b) if pk not in chosen]
                if len(chosen) + len(new) <= limit:
                    chosen.extend(new)
            if not chosen:
                return [], [], nodes_total, links_total
            sql = AMONG_SQL.format(involved=involved, organisations=table, only="AND o.id = ANY(%s)")
            cursor.execute(sql, [*params, list(kinds), chosen])
            links = [tuple(row) for row in cursor.fetchall()]
        return chosen, links, nodes_total, links_total

    # --- Delegation countries -----------------------------------------------------------------

    def from_country(self, country):
        """Visits whose delegation came (in part) from ``country`` (a code, or several codes: any
        of them): a delegation member of that country, or a participant with the delegate role
        from it (its own country, else its organisation's), e.g. an unnamed group of 18 from Belarus."""
        countries = [country] if isinstance(country, str) else list(country)
        # One ``pk IN (...)`` over the union of the visits both links name, which the planner
        # joins once, not ``EXISTS(...) OR EXISTS(...)``: an OR of EXISTS is checked visit by
        # visit (every published visit, again for each facet of the page that applies the filter).
        delegation = self.model.delegation.through.objects.filter(organisation__country__in=countries)
        delegates = self._delegates().filter(c__in=countries)
        visits = delegation.values_list("visit_id").union(delegates.values_list("visit_id"), all=True)
        return self.filter(pk__in=visits)

    def _delegates(self):
        from visits.models import Participant  # noqa: PLC0415 (models import this module)

        # The organisation's country is read only for a delegate without a country of its own
        # (a subquery in the CASE's ELSE runs only when reached), not joined for every delegate:
        # the join probed the organisations once per delegate of the listed visits, most of the
        # "delegation from" facet's time (bench/README.md).
        organisation_country = Organisation.objects.filter(pk=OuterRef("organisation_id")).values("country")[:1]
        return Participant.objects.filter(role=Participant.Role.DELEGATE).annotate(
            c=Case(When(~Q(country=""), then=F("country")), default=Subquery(organisation_country))
        )

    def delegation_country_counts_sql(self, limit: int, *, first=()) -> tuple[str, list]:
        """The "delegation from" facet of these visits as ``facet_value, facet_label,
        facet_count`` SQL: per country, how many of them had a delegation from it
        (``from_country``), the top ``limit`` + 1."""
        ids = self.order_by().values("pk")
        pairs, params = _union(
            [
                self.model.delegation.through.objects.filter(visit__in=ids).values_list(
                    "visit_id", "organisation__country"
                ),
                self._delegates().filter(visit__in=ids).values_list("visit_id", "c"),
            ]
        )
        sql = (
            "SELECT p.country AS facet_value, NULL::text AS facet_label, COUNT(*) AS facet_count,"
            f" COUNT(*) OVER () AS facet_values FROM ({pairs}) AS p(visit_id, country) WHERE p.country <> ''"
            " GROUP BY 1 ORDER BY p.country::text = ANY(%s) DESC, 3 DESC, 1 LIMIT %s"
        )
        return sql, [*params, list(first), limit + 1]

    # --- Read paths ---------------------------------------------------------------------------

    def for_list(self):
        """List pages, CSV export and the API's list: organiser, project, hosts, delegation, tags
        and ecosystems loaded in a fixed number of queries, however many rows. The API adds the
        first record of another account (``select_related("account_of")``); the pages do not
        show it, and its join widened every row the list sorts."""
        return self.select_related("organiser", "project").prefetch_related("hosts", "delegation", "tags", "ecosystems")

    def with_delegates(self):
        """Also the delegate participants with their country (``delegates``), for the API's
        ``delegation_countries``; one query more. The list pages do not show them."""
        return self.prefetch_related(models.Prefetch("participants", self._delegates(), to_attr="delegates"))

    def for_detail(self):
        """The visit page and the API's detail: everything it shows, in a fixed number of
        queries. Combine with ``visible_to()``; a follow-up's outcome visit is loaded whatever
        its status. ``has_other_accounts``: whether other accounts of the event point at it
        (``visits.accounts.other_accounts`` reads them)."""
        from visits.models import Finding, FollowUp, ItineraryStop, Participant  # noqa: PLC0415

        accounts = self.model.objects.filter(account_of=OuterRef("pk"))
        return (
            self.select_related("organiser", "project__instrument", "account_of")
            .annotate(has_other_accounts=Exists(accounts))
            .prefetch_related(
                "hosts",
                "delegation",
                "instruments",
                "tags",
                "ecosystems",
                models.Prefetch("stops", queryset=ItineraryStop.objects.select_related("host")),
                models.Prefetch("participants", queryset=Participant.objects.select_related("organisation")),
                models.Prefetch("findings", queryset=Finding.objects.select_related("subject")),
                models.Prefetch("follow_ups", queryset=FollowUp.objects.select_related("owner", "outcome")),
                "attachments",
            )
        )


def delegation_countries(visit) -> list[str]:
    """The country codes ``visit``'s delegation came from, sorted: the rule of
    ``VisitQuerySet.from_country``, read from what ``with_delegates`` (``delegates``) or
    ``for_detail`` (``participants``) loaded."""
    codes = {o.country.code for o in visit.delegation.all()}
    delegates = getattr(visit, "delegates", None)
    if delegates is None:
        delegates = [p for p in visit.participants.all() if p.role == "delegate"]
    for participant in delegates:
        code = getattr(participant, "c", None)  # annotated by ``with_delegates``
        if code is None:
            code = participant.country.code or (
                participant.organisation.country.code if participant.organisation else ""
            )
        codes.add(str(code or ""))
    return sorted(code for code in codes if code)
