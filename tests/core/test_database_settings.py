"""Planner settings the migrations put on the database (clusters/0009, clusters/0010): every new
session of the application's database gets them."""

import psycopg
import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def _new_session_setting(name: str) -> str:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as conn:
        return conn.execute(f"SHOW {name}").fetchone()[0]


def test_new_sessions_do_not_compile_statements_with_jit():
    assert _new_session_setting("jit") == "off"


def test_new_sessions_cost_random_reads_as_cached_data():
    assert _new_session_setting("random_page_cost") == "1.1"
