"""Migration operations shared by the apps."""

from django.db import migrations


def database_setting(name: str, value: str, without: str) -> migrations.RunSQL:
    """``ALTER DATABASE <this one> SET name = value``: every new session picks it up. Without the
    privilege to change the database, the migration says so (``without``: what that costs) and
    goes on; reversed, the setting is reset."""
    forward = f"""
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET {name} = {value}', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'Could not set {name} on this database; {without}';
END $$;
"""
    backward = f"""
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I RESET {name}', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END $$;
"""
    return migrations.RunSQL(forward, backward)


def create_function(function, *, drop_on_reverse: bool = True) -> migrations.RunSQL:
    """Create (or replace) a ``core.sql.SqlFunction`` from its constant, so that the text lives
    in one place and the migration refers to it. Reversed, the function is dropped, unless
    ``drop_on_reverse`` is False (a migration that re-creates a function an earlier one made)."""
    return migrations.RunSQL(function.create, function.drop if drop_on_reverse else migrations.RunSQL.noop)
