"""Migrating a database with data from the hand-written triggers to the ones declared in Python
(clusters/0012, funding/0007, visits/0006, core/0003) keeps every row as it was, and the new
triggers then keep search_names, the search vector and ecosystem_ids current; reversed, the
hand-written triggers come back.

Runs ``manage.py`` against a scratch database of its own next to the test database (the test
database holds the demo data the other tests read, which a migration back and forth would not
leave alone). Runs on the server under test, in a scratch database of its own."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from config.embedded_db import database_url

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
OLD_STATE = [("core", "0002"), ("clusters", "0011"), ("funding", "0006"), ("visits", "0005")]
# The migrations that moved the triggers into Python (later ones add columns the snapshot would
# not have before them).
MOVED_STATE = [("core", "0003"), ("clusters", "0012"), ("funding", "0007"), ("visits", "0006")]
HAND_WRITTEN = {
    "organisation_search_names",
    "alternativename_search_names_insert",
    "alternativename_search_names_update",
    "alternativename_search_names_delete",
    "organisation_ecosystems_insert",
    "organisation_ecosystems_update",
    "organisation_ecosystems_delete",
}
# Every row of every table of the domain apps, as text, per table.
SNAPSHOT = """
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r'
  AND (c.relname LIKE 'clusters\\_%' OR c.relname LIKE 'visits\\_%' OR c.relname LIKE 'funding\\_%')
ORDER BY 1
"""


@pytest.fixture
def scratch():
    # The server under test: DATABASE_URL, else the embedded one (already running for the tests).
    url = os.environ.get("DATABASE_URL") or database_url(settings.BASE_DIR)
    name = f"{connection.settings_dict['NAME']}_migrations"
    params = {k: v for k, v in connection.get_connection_params().items() if k not in ("cursor_factory", "context")}
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)
    env = {**os.environ, "DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)

    def query(sql, *params_):
        with psycopg.connect(**{**params, "dbname": name}, autocommit=True) as conn:
            cursor = conn.execute(sql, params_ or None)
            return cursor.fetchall() if cursor.description else []

    yield manage, query
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _snapshot(query):
    return {
        table: query(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t")[0][0]
        for (table,) in query(SNAPSHOT)
    }


def _triggers(query):
    return {row[0] for row in query("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}


def test_data_survives_the_move_to_declared_triggers_which_then_keep_it_current(scratch):
    manage, query = scratch
    # The demo data is loaded by today's code at the latest state, then the schema is taken
    # back to before the move (later columns dropped, the hand-written triggers restored).
    manage("migrate", "-v0")
    manage("load_demo", "-v0")
    for app, migration in OLD_STATE:
        manage("migrate", app, migration, "-v0")
    assert _triggers(query) >= HAND_WRITTEN
    before = _snapshot(query)
    assert before["clusters_organisation"] and len(before) > 20

    for app, migration in MOVED_STATE:
        manage("migrate", app, migration, "-v0")
    assert _snapshot(query) == before
    triggers = _triggers(query)
    assert not HAND_WRITTEN & triggers
    assert {"ckb_organisation_search_names", "ckb_organisation_ecosystem_ids_sync"}.isdisjoint(
        {row[0] for row in query("SELECT proname FROM pg_proc")}
    )

    # The declared triggers keep the derived columns current.
    org, alt = query("SELECT organisation_id, id FROM clusters_alternativename ORDER BY id LIMIT 1")[0]
    query("UPDATE clusters_alternativename SET name = 'Zyxwvut Renamed' WHERE id = %s", alt)
    names, matches = query(
        "SELECT search_names, search_vector @@ to_tsquery('simple', 'zyxwvut') FROM clusters_organisation"
        " WHERE id = %s",
        org,
    )[0]
    assert "Zyxwvut Renamed" in names and matches
    linked = query("SELECT organisation_id FROM clusters_organisation_ecosystems ORDER BY id LIMIT 1")[0][0]
    assert query("SELECT ecosystem_ids <> '{}' FROM clusters_organisation WHERE id = %s", linked)[0][0]
    query("DELETE FROM clusters_organisation_ecosystems WHERE organisation_id = %s", linked)
    assert query("SELECT ecosystem_ids FROM clusters_organisation WHERE id = %s", linked)[0][0] == []

    # Reversed, the hand-written triggers are back (and django-pgtrigger's gone).
    for app, migration in OLD_STATE:
        manage("migrate", app, migration, "-v0")
    triggers = _triggers(query)
    assert triggers >= HAND_WRITTEN and not any(t.startswith("pgtrigger_") for t in triggers)
