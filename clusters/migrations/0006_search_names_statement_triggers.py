# Written by hand: the alternative-name trigger of 0003 becomes statement-level.
#
# 0003 updated the organisation once per inserted, changed or deleted alternative name; a bulk load
# of 14,000 names rewrote (and re-indexed) an organisation row 14,000 times. These triggers read the
# statement's transition tables and update each organisation concerned once per statement. A
# single-row save from the admin is one statement with one row, so it behaves as before.

from django.db import migrations

CREATE = """
DROP TRIGGER IF EXISTS alternativename_search_names ON clusters_alternativename;
DROP FUNCTION IF EXISTS ckb_alternativename_changed();

CREATE OR REPLACE FUNCTION ckb_alternativenames_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE clusters_organisation SET search_names = ckb_organisation_search_names(id)
    WHERE id IN (SELECT organisation_id FROM new_names);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE clusters_organisation SET search_names = ckb_organisation_search_names(id)
    WHERE id IN (SELECT organisation_id FROM old_names);
  ELSE
    UPDATE clusters_organisation SET search_names = ckb_organisation_search_names(id)
    WHERE id IN (SELECT organisation_id FROM old_names UNION SELECT organisation_id FROM new_names);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER alternativename_search_names_insert AFTER INSERT ON clusters_alternativename
REFERENCING NEW TABLE AS new_names
FOR EACH STATEMENT EXECUTE FUNCTION ckb_alternativenames_changed();

CREATE TRIGGER alternativename_search_names_update AFTER UPDATE ON clusters_alternativename
REFERENCING OLD TABLE AS old_names NEW TABLE AS new_names
FOR EACH STATEMENT EXECUTE FUNCTION ckb_alternativenames_changed();

CREATE TRIGGER alternativename_search_names_delete AFTER DELETE ON clusters_alternativename
REFERENCING OLD TABLE AS old_names
FOR EACH STATEMENT EXECUTE FUNCTION ckb_alternativenames_changed();
"""

# Back to 0003's row-level trigger.
DROP = """
DROP TRIGGER IF EXISTS alternativename_search_names_insert ON clusters_alternativename;
DROP TRIGGER IF EXISTS alternativename_search_names_update ON clusters_alternativename;
DROP TRIGGER IF EXISTS alternativename_search_names_delete ON clusters_alternativename;
DROP FUNCTION IF EXISTS ckb_alternativenames_changed();

CREATE OR REPLACE FUNCTION ckb_alternativename_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE clusters_organisation SET search_names = ckb_organisation_search_names(id) WHERE id = OLD.organisation_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE clusters_organisation SET search_names = ckb_organisation_search_names(id) WHERE id = NEW.organisation_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER alternativename_search_names AFTER INSERT OR UPDATE OR DELETE ON clusters_alternativename
FOR EACH ROW EXECUTE FUNCTION ckb_alternativename_changed();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0005_history_and_attachments"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
