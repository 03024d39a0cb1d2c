"""The database triggers of the visits app, declared in Python (django-pgtrigger).

``Organisation.took_part`` says whether an organisation took part in a published visit under
the participation rule (clusters/participation.py: it hosted the visit, was in its delegation,
hosted a stop of its itinerary, is a participant in any role, or organised it). The partner
lists filter and count on it for every row of a 100,000-row list; computed per row, that was
five index probes an organisation (bench/README.md, "Before and after the layer move"). Stored,
it is one column the list indexes carry.

Statement-level AFTER triggers keep it current: on the five link tables (the organisations a
statement touched) and on the visit (its organiser, and every organisation linked to a visit
whose status changed). Each recomputes the flag of those organisations once per statement and
writes it only where it changed. ``TOOK_PART`` is the rule in SQL; a test compares the stored
flag with ``OrganisationQuerySet.took_part(status="published")`` after each kind of change
(tests/visits/test_took_part.py), so the two cannot drift apart unnoticed.
"""

import pgtrigger

from core.triggers import after_each_statement

_PUBLISHED = "v.status = 'published'"
# The tables that link an organisation to a visit, and their organisation column; the fifth
# link is the visit's own organiser.
_LINKS = (
    ("visits_visit_hosts", "organisation_id"),
    ("visits_visit_delegation", "organisation_id"),
    ("visits_itinerarystop", "host_id"),
    ("visits_participant", "organisation_id"),
)

# The participation rule in SQL for the organisation ``{org}``: one EXISTS per link.
TOOK_PART = (
    " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} AS l JOIN visits_visit AS v ON v.id = l.visit_id"
        f" WHERE l.{column} = {{org}} AND {_PUBLISHED})"
        for table, column in _LINKS
    )
    + f" OR EXISTS (SELECT 1 FROM visits_visit AS v WHERE v.organiser_id = {{org}} AND {_PUBLISHED})"
)


def refresh_sql(ids: str) -> str:
    """SQL that rewrites ``took_part`` of the organisations whose ids ``ids`` (a query) returns,
    where it changed."""
    return (
        "UPDATE clusters_organisation AS o SET took_part = c.took_part FROM ("
        f" SELECT x.id, ({TOOK_PART.format(org='x.id')}) AS took_part"
        f" FROM (SELECT DISTINCT t.id FROM ({ids}) AS t(id) WHERE t.id IS NOT NULL) AS x"
        ") AS c WHERE o.id = c.id AND o.took_part IS DISTINCT FROM c.took_part"
    )


def _refresh(ids: str) -> str:
    return f"{refresh_sql(ids)}; RETURN NULL;"


def link_changed(column: str = "organisation_id") -> list[pgtrigger.Trigger]:
    """On a link table (hosts, delegation, itinerary stops, participants)."""
    return after_each_statement("took_part", column, _refresh)


def visit_changed() -> list[pgtrigger.Trigger]:
    """On the visit: its organiser, old and new, and when its status changes (published or
    back to draft), every organisation linked to it."""
    status_changed = (
        "SELECT n.id FROM new_rows AS n JOIN old_rows AS p ON p.id = n.id WHERE p.status IS DISTINCT FROM n.status"
    )
    extra = "".join(
        f" UNION SELECT l.{column} FROM {table} AS l WHERE l.visit_id IN ({status_changed})" for table, column in _LINKS
    )
    return after_each_statement("took_part", "organiser_id", _refresh, also_on_update=extra)
