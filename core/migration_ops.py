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
