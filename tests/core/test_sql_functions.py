"""The SQL functions the code calls are the ones declared in core/sql.py: the database holds
exactly their text (a changed constant needs a migration running create_function())."""

import pytest
from django.db import connection

from core import sql

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("function", sql.FUNCTIONS, ids=lambda f: f.name)
def test_the_database_function_is_the_declared_one(function):
    body = function.create.split("$$")[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.prosrc, pg_get_function_identity_arguments(p.oid) FROM pg_proc p"
            " JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE p.proname = %s AND n.nspname = current_schema()",
            [function.name],
        )
        rows = cursor.fetchall()
    assert len(rows) == 1
    source, arguments = rows[0]
    assert source == body
    assert [a.split()[-1] for a in arguments.split(", ")] == function.signature.split(", ")


def test_the_functions_use_nothing_beyond_plain_postgresql():
    """No extension (the embedded PostgreSQL 18 has no unaccent)."""
    for function in sql.FUNCTIONS:
        assert "unaccent" not in function.create and "CREATE EXTENSION" not in function.create
