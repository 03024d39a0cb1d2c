# Organisation.ecosystem_ids: the organisation's ecosystem ids, kept current by the database.
#
# The partner list's filters and facets joined the organisation-ecosystem link table once per
# facet; at 100,000 organisations a popular ecosystem has 46,000 links, hashed again for every
# facet (issue 5). Statement-level triggers on the link table (as in 0006) write the sorted ids
# onto each organisation concerned, once per statement, and only when they changed; the list
# indexes include the column, so kind, country and ecosystem counts are index-only scans.
#
# Django's add(), remove(), set() and clear() and the cascade when an organisation or an
# ecosystem is deleted are all INSERTs or DELETEs on the link table, so every path is covered.

import django.contrib.postgres.fields
from django.db import migrations, models

CREATE = """
CREATE OR REPLACE FUNCTION ckb_organisation_ecosystem_ids_sync(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE clusters_organisation AS o SET ecosystem_ids = c.ecosystem_ids
  FROM (
    SELECT x.id, COALESCE(
      (SELECT array_agg(l.ecosystem_id ORDER BY l.ecosystem_id)
       FROM clusters_organisation_ecosystems AS l WHERE l.organisation_id = x.id),
      '{}'::bigint[]) AS ecosystem_ids
    FROM (SELECT DISTINCT unnest(ids) AS id) AS x
  ) AS c
  WHERE o.id = c.id AND o.ecosystem_ids IS DISTINCT FROM c.ecosystem_ids;
$$;

CREATE OR REPLACE FUNCTION ckb_organisation_ecosystems_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ckb_organisation_ecosystem_ids_sync(ARRAY(SELECT organisation_id FROM new_links));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ckb_organisation_ecosystem_ids_sync(ARRAY(SELECT organisation_id FROM old_links));
  ELSE
    PERFORM ckb_organisation_ecosystem_ids_sync(
      ARRAY(SELECT organisation_id FROM old_links UNION SELECT organisation_id FROM new_links));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER organisation_ecosystems_insert AFTER INSERT ON clusters_organisation_ecosystems
REFERENCING NEW TABLE AS new_links
FOR EACH STATEMENT EXECUTE FUNCTION ckb_organisation_ecosystems_changed();

CREATE TRIGGER organisation_ecosystems_update AFTER UPDATE ON clusters_organisation_ecosystems
REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
FOR EACH STATEMENT EXECUTE FUNCTION ckb_organisation_ecosystems_changed();

CREATE TRIGGER organisation_ecosystems_delete AFTER DELETE ON clusters_organisation_ecosystems
REFERENCING OLD TABLE AS old_links
FOR EACH STATEMENT EXECUTE FUNCTION ckb_organisation_ecosystems_changed();

UPDATE clusters_organisation AS o SET ecosystem_ids = a.ids
FROM (
  SELECT organisation_id, array_agg(ecosystem_id ORDER BY ecosystem_id) AS ids
  FROM clusters_organisation_ecosystems GROUP BY organisation_id
) AS a
WHERE o.id = a.organisation_id;
"""

DROP = """
DROP TRIGGER IF EXISTS organisation_ecosystems_insert ON clusters_organisation_ecosystems;
DROP TRIGGER IF EXISTS organisation_ecosystems_update ON clusters_organisation_ecosystems;
DROP TRIGGER IF EXISTS organisation_ecosystems_delete ON clusters_organisation_ecosystems;
DROP FUNCTION IF EXISTS ckb_organisation_ecosystems_changed();
DROP FUNCTION IF EXISTS ckb_organisation_ecosystem_ids_sync(bigint[]);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0010_websearch_jit_link_indexes"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="organisation",
            name="organisation_country_name",
        ),
        migrations.RemoveIndex(
            model_name="organisation",
            name="organisation_kind_country_name",
        ),
        migrations.AddField(
            model_name="organisation",
            name="ecosystem_ids",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.BigIntegerField(), blank=True, default=list, editable=False, size=None
            ),
        ),
        migrations.RunSQL(CREATE, DROP),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                fields=["country", "name", "id"], include=("kind", "ecosystem_ids"), name="organisation_country_name"
            ),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                fields=["kind", "country", "name", "id"],
                include=("ecosystem_ids",),
                name="organisation_kind_country_name",
            ),
        ),
    ]
