"""The data version that the anonymous page cache (core/cache.py) keys on.

Every INSERT, UPDATE, DELETE or TRUNCATE statement on a data table, from any process (admin,
loaders, tests, psql), appends a row to ``core_data_version`` in a statement-level trigger; the
version is the highest committed id. Appending takes no lock that another writer waits for (a
single counter row would make concurrent writers queue until each other's commit), the new row
is seen by readers only once the write commits, and ids come from a sequence, so a rolled-back
write never makes an old number current again. Tables that anonymous pages never read
(sessions, migrations, sign-in lockouts) are left out. ``core_attach_data_version_triggers()``
attaches the trigger to every table that lacks it; a migration adding a table calls it
(tests/core/test_page_cache.py checks that every table has it).
"""

from django.db import migrations

FORWARD = r"""
CREATE TABLE core_data_version (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
INSERT INTO core_data_version DEFAULT VALUES;

CREATE FUNCTION core_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO core_data_version DEFAULT VALUES;
    RETURN NULL;
END $$;

CREATE FUNCTION core_attach_data_version_triggers() RETURNS void LANGUAGE plpgsql AS $$
DECLARE t record;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          AND c.relname NOT IN ('core_data_version', 'django_session', 'django_migrations')
          AND c.relname NOT LIKE 'axes\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid
                          AND g.tgname = 'core_data_version_bump')
    LOOP
        EXECUTE format('CREATE TRIGGER core_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
                       'ON %I FOR EACH STATEMENT EXECUTE FUNCTION core_bump_data_version()', t.relname);
    END LOOP;
END $$;

SELECT core_attach_data_version_triggers();
"""

BACKWARD = r"""
DO $$
DECLARE t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
             WHERE g.tgname = 'core_data_version_bump'
    LOOP
        EXECUTE format('DROP TRIGGER core_data_version_bump ON %I', t.relname);
    END LOOP;
END $$;
DROP FUNCTION core_attach_data_version_triggers();
DROP FUNCTION core_bump_data_version();
DROP TABLE core_data_version;
"""


class Migration(migrations.Migration):
    # After every app's tables exist, so that they all get the trigger.
    dependencies = [
        ("core", "0001_roles"),
        ("admin", "__latest__"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        ("taggit", "__latest__"),
        ("clusters", "0009_random_page_cost"),
        ("funding", "0006_name_indexes"),
        ("visits", "0005_list_indexes"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
