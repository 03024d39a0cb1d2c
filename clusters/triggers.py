"""The database triggers of the clusters app, declared in Python (django-pgtrigger).

They sit in ``Meta.triggers`` of the models they are on (clusters/models/); makemigrations
writes the operations that install and change them. Each trigger gets its own PL/pgSQL function
``pgtrigger_<name>_<hash>()`` holding the body below.

- ``Organisation.search_names`` holds the organisation's alternative names (a generated column
  cannot read another table; ``search_vector`` and ``search_title`` are generated from it). A
  BEFORE trigger on the organisation recomputes it on every write, so a ``save()`` from a stale
  instance cannot blank it; statement-level triggers on ``AlternativeName`` recompute it for
  each organisation concerned, once per statement (a bulk load of 14,000 names rewrites each
  organisation once, not once per name).
- ``Organisation.ecosystem_ids`` holds the sorted ids of its ecosystems, so the partner list's
  filters and facets read them from the list indexes instead of joining the link table once per
  facet (issue 5). Statement-level triggers on the link table write them onto each organisation
  concerned, once per statement and only when they changed. Django's add(), remove(), set() and
  clear() and the cascade when an organisation or an ecosystem is deleted are all INSERTs or
  DELETEs on the link table, so every path is covered.
"""

import pgtrigger

from core.triggers import after_each_statement

# The alternative names of the organisation with id ``org`` (an SQL expression), in name order.
_SEARCH_NAMES = (
    "(SELECT coalesce(string_agg(a.name, ' ' ORDER BY a.name), '')"
    " FROM clusters_alternativename AS a WHERE a.organisation_id = {org})"
)


def organisation_search_names() -> pgtrigger.Trigger:
    """On ``Organisation``: fill ``search_names`` on every INSERT and UPDATE."""
    return pgtrigger.Trigger(
        name="search_names",
        when=pgtrigger.Before,
        operation=pgtrigger.Insert | pgtrigger.Update,
        func=f"NEW.search_names := {_SEARCH_NAMES.format(org='NEW.id')}; RETURN NEW;",
    )


def alternative_names_changed() -> list[pgtrigger.Trigger]:
    """On ``AlternativeName``: recompute ``search_names`` of the organisations whose names an
    INSERT, UPDATE or DELETE statement touched, once per statement."""
    return after_each_statement(
        "search_names",
        "organisation_id",
        lambda ids: (
            f"UPDATE clusters_organisation AS o SET search_names = {_SEARCH_NAMES.format(org='o.id')}"
            f" WHERE o.id IN ({ids}); RETURN NULL;"
        ),
    )


def ecosystem_links_changed() -> list[pgtrigger.Trigger]:
    """On the organisation-ecosystem link table: rewrite ``ecosystem_ids`` of the organisations
    whose links an INSERT, UPDATE or DELETE statement touched, where they changed."""
    return after_each_statement(
        "ecosystem_ids",
        "organisation_id",
        lambda ids: (
            f"""
UPDATE clusters_organisation AS o SET ecosystem_ids = c.ecosystem_ids
FROM (
  SELECT x.id, COALESCE(
    (SELECT array_agg(l.ecosystem_id ORDER BY l.ecosystem_id)
     FROM clusters_organisation_ecosystems AS l WHERE l.organisation_id = x.id),
    '{{}}'::bigint[]) AS ecosystem_ids
  FROM (SELECT DISTINCT t.organisation_id AS id FROM ({ids}) AS t) AS x
) AS c
WHERE o.id = c.id AND o.ecosystem_ids IS DISTINCT FROM c.ecosystem_ids;
RETURN NULL;"""
        ),
    )
