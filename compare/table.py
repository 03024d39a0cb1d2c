"""The comparison of two to four organisations, as rows of cells: the page and its CSV are both
drawn from ``comparison()``, so that what one shows the other holds.

A row is one attribute ("Founded", "Visits in 2012"); a cell is one organisation's value, a list
of items (a label, a tag, a project), each with its text and, where it has one, its page. The
CSV joins a cell's items with "; ", as the list exports do.

Reads a fixed number of queries whatever the number of organisations (two to four) and of their
visits, labels and projects: the organisations with their labels, ecosystems, tags and managed
instruments prefetched (five), their visits per year (one), their project links (one).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Prefetch
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.models import Label, Organisation
from funding.models import Instrument, ProjectPartner
from visits.models import Visit

MIN_ORGANISATIONS = 2
MAX_ORGANISATIONS = 4

SPLIT = [
    ("members_small_pct", gettext_lazy("Small firms among members")),
    ("members_medium_pct", gettext_lazy("Medium firms among members")),
    ("members_large_pct", gettext_lazy("Large firms among members")),
    ("members_research_pct", gettext_lazy("Research and education members")),
]


@dataclass(frozen=True)
class Item:
    text: str
    url: str = ""
    note: str = ""  # shown after the text, e.g. "expired"; part of the CSV text too

    def __str__(self):
        return f"{self.text} ({self.note})" if self.note else self.text


@dataclass
class Row:
    key: str
    label: str
    cells: list[list[Item]]
    numeric: bool = False
    group: str = ""

    def texts(self) -> list[str]:
        return ["; ".join(str(item) for item in cell) for cell in self.cells]


@dataclass
class Comparison:
    organisations: list[Organisation]
    rows: list[Row] = field(default_factory=list)

    def csv_rows(self) -> list[list[str]]:
        """The table as CSV: a header of the organisations' names, then one line per row."""
        header = [_("Attribute"), *(str(o) for o in self.organisations)]
        return [header, *([row.label, *row.texts()] for row in self.rows)]


def organisations_for(slugs: list[str]) -> list[Organisation]:
    """The organisations of ``slugs`` in that order (unknown slugs left out), with what the
    table shows prefetched."""
    found = Organisation.objects.filter(slug__in=slugs).prefetch_related(
        "ecosystems",
        "tags",
        Prefetch("labels", queryset=Label.objects.order_by("-valid_until", "kind", "pk")),
        Prefetch("managed_instruments", queryset=Instrument.objects.order_by("name")),
    )
    by_slug = {o.slug: o for o in found}
    return [by_slug[s] for s in slugs if s in by_slug]


def visits_per_year(organisations, user) -> dict[int, dict[int, int]]:
    """``{organisation id: {year: events}}``: the events ``user`` may see in which each took part
    (the participation rule, an event told by several accounts counted once); one query."""
    ids = [o.pk for o in organisations]
    visits = Visit.objects.events_visible_to(user).involving(ids, drafts=user.is_staff)
    pairs_sql, params = visits.participation_pairs(drafts=user.is_staff)
    table = Visit._meta.db_table
    sql = f"""
        SELECT p.org_id, EXTRACT(YEAR FROM v.start_date)::int, COUNT(DISTINCT v.id)
        FROM ({pairs_sql}) AS p(visit_id, org_id) JOIN {table} AS v ON v.id = p.visit_id
        WHERE p.org_id = ANY(%s) GROUP BY 1, 2
    """
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, ids])
        for org_id, year, n in cursor.fetchall():
            counts[org_id][year] = n
    return counts


def project_links(organisations) -> dict[int, list[ProjectPartner]]:
    """Each organisation's project links, with the project and its instrument and programme; one query."""
    links = (
        ProjectPartner.objects.filter(organisation__in=[o.pk for o in organisations])
        .select_related("project__instrument", "project__programme")
        .order_by("project__name", "project__pk")
    )
    by_org: dict[int, list[ProjectPartner]] = defaultdict(list)
    for link in links:
        by_org[link.organisation_id].append(link)
    return by_org


def _text(value) -> list[Item]:
    return [] if value in (None, "") else [Item(str(value))]


def _pct(value) -> list[Item]:
    return [] if value is None else [Item(f"{floatformat(value, -2)} %")]


def _labels(org) -> list[Item]:
    return [Item(str(label.dated), note=_("expired") if label.is_expired else "") for label in org.labels.all()]


def _projects(links) -> list[Item]:
    return [Item(str(link.project), link.project.get_absolute_url(), link.get_role_display()) for link in links]


def _instruments_used(links) -> list[Item]:
    seen = {}
    for link in links:
        for instrument in (link.project.instrument, link.project.programme):
            if instrument is not None:
                seen.setdefault(instrument.pk, instrument)
    ordered = sorted(seen.values(), key=lambda i: (i.name, i.pk))
    return [Item(str(i), i.get_absolute_url()) for i in ordered]


def _fact_rows(orgs) -> list[Row]:
    def row(key, label, get, **kwargs):
        return Row(key, str(label), [get(o) for o in orgs], **kwargs)

    return [
        row("kind", _("Kind"), lambda o: [Item(o.get_kind_display())]),
        row("country", _("Country"), lambda o: _text(o.country.name if o.country else "")),
        row("city", _("City"), lambda o: _text(o.city)),
        row("founded", _("Founded"), lambda o: _text(o.founded), numeric=True),
        row("members", _("Members"), lambda o: _text(o.dated_members_count)),
        row("member_countries", _("Countries of its members"), lambda o: _text(o.member_countries_count)),
        *(row(name, label, lambda o, name=name: _pct(getattr(o, name)), numeric=True) for name, label in SPLIT),
        row("labels", _("Labels"), _labels),
        row("ecosystems", _("Ecosystems"), lambda o: [Item(e.name) for e in o.ecosystems.all()]),
        row("tags", _("Tags"), lambda o: [Item(t.name) for t in sorted(o.tags.all(), key=lambda t: t.name)]),
    ]


def _visit_rows(orgs, counts) -> list[Row]:
    years = sorted({year for per_org in counts.values() for year in per_org})
    rows = [
        Row(
            "visits",
            _("Visits and events (all years)"),
            [[Item(str(sum(counts.get(o.pk, {}).values())))] for o in orgs],
            numeric=True,
        )
    ]
    if years:
        for year in range(years[0], years[-1] + 1):
            cells = [[Item(str(counts.get(o.pk, {}).get(year, 0)))] for o in orgs]
            rows.append(Row(f"visits-{year}", _("Visits in %(year)s") % {"year": year}, cells, True, "year"))
    return rows


def comparison(orgs: list[Organisation], user) -> Comparison:
    """The table of ``orgs`` (from ``organisations_for``) as ``user`` may see it."""
    counts = visits_per_year(orgs, user)
    links = project_links(orgs)
    rows = _fact_rows(orgs)
    rows += _visit_rows(orgs, counts)
    rows += [
        Row("projects", _("Projects"), [_projects(links.get(o.pk, [])) for o in orgs]),
        Row(
            "instruments_used", _("Instruments of its projects"), [_instruments_used(links.get(o.pk, [])) for o in orgs]
        ),
        Row(
            "instruments_managed",
            _("Instruments it manages"),
            [[Item(str(i), i.get_absolute_url()) for i in o.managed_instruments.all()] for o in orgs],
        ),
    ]
    return Comparison(orgs, rows)
