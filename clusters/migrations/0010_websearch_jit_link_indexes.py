# Written by hand (issue 5): a deduplicated multi-language query, JIT off, covering link indexes.
#
# ckb_websearch(configs, query, prefix): the query parsed with websearch_to_tsquery() in every
# configuration, as typed and folded (ckb_fold), plus the as-you-type prefix query, OR-ed with
# empty and repeated parts dropped (core.fulltext.MultiConfigQuery). "Automobilovy Lodz"
# gave 29 disjuncts of which 3 differ; the typo search of the organisations went from 50 to 31 ms
# on 100,000 rows. IMMUTABLE like websearch_to_tsquery(regconfig, text): with constant arguments
# the planner evaluates it once, so the GIN index still sees a constant query.
#
# JIT off on the database: PostgreSQL compiles a statement to machine code when its estimated
# cost passes jit_above_cost; the unfiltered list counts and the organisation page crossed it
# and paid tens of milliseconds of compilation per request for statements that then ran for a
# few. Like random_page_cost (0009), a database setting, skipped without the privilege.
#
# (ecosystem_id, organisation_id): "the organisations in ecosystem e" read from the index alone
# (the facet counts of a list filtered by ecosystem: 46,000 link rows an ecosystem at full size).

from django.db import migrations

from core.migration_ops import database_setting


WEBSEARCH = """
CREATE OR REPLACE FUNCTION ckb_websearch(configs regconfig[], query text, prefix text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery,
                  websearch_to_tsquery('simple'::regconfig, query))
  FROM (
    SELECT websearch_to_tsquery(c, query) FROM unnest(configs) AS c
    UNION ALL SELECT websearch_to_tsquery(c, ckb_fold(query)) FROM unnest(configs) AS c
    UNION ALL SELECT to_tsquery('simple'::regconfig, prefix) WHERE prefix IS NOT NULL
  ) AS parts(q)
  WHERE numnode(q) > 0
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0009_random_page_cost"),
    ]

    operations = [
        migrations.RunSQL(WEBSEARCH, "DROP FUNCTION IF EXISTS ckb_websearch(regconfig[], text, text);"),
        database_setting("jit", "off", "some pages may be slower."),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS ckb_organisation_ecosystems_eco_org"
            " ON clusters_organisation_ecosystems (ecosystem_id, organisation_id);",
            "DROP INDEX IF EXISTS ckb_organisation_ecosystems_eco_org;",
        ),
    ]
