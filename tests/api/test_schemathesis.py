"""Property-based test of the API against its own OpenAPI schema (schemathesis): for every
operation, generated requests (valid and invalid filters, slugs, pages) never give a server
error, and every answer's status, content type and body match what ``/api/schema/`` promises.

The schema is read from the Django WSGI application at collection (it needs no database); the
generated requests then run in each test on the test database with the demo data. (Loading it
from a fixture, ``schemathesis.pytest.from_fixture``, fails on pytest 9 in schemathesis 4.32.)"""

import math

import jsonschema
import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from config.wsgi import application

pytestmark = pytest.mark.django_db

# Bounded: 10 operations × this many generated examples (plus schemathesis' coverage cases).
MAX_EXAMPLES = 30

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI handler closes the database connection after each request, which would end the
    test's transaction; Django's own test client disconnects the same two receivers."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_as_its_schema_says(case):
    valid_as_sent = not len(case.operation.path_parameters) and query_is_valid_as_sent(case)
    # The WSGI transport does not decompress as an HTTP client would; ask for the JSON as is
    # (GZipMiddleware compresses responses for clients that accept gzip).
    case.headers = {**(case.headers or {}), "Accept-Encoding": "identity"}
    case.call_and_validate(excluded_checks=[negative_data_rejection] if valid_as_sent else [])


# A query string carries only text. Schemathesis' "invalid" values may become valid on the way:
# null goes out as "null" and true as "true" (both valid tags, slugs and search texts), a scalar
# for a repeated parameter goes out as a list of one. When every parameter, read as the server
# reads it, is valid, the request is valid, and "invalid data accepted" would be a false failure.
# Every other check still runs on such requests, and rejection is checked on all the others.


def as_sent(value) -> list[str]:
    values = list(value) if isinstance(value, list | dict) else [value]
    return ["null" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in values]


def text_is_valid(text: str, schema: dict) -> bool:
    kind = schema.get("type")
    if kind in ("integer", "number"):
        try:
            number = int(text) if kind == "integer" else float(text)
        except ValueError:
            return False
        return math.isfinite(number) and schema.get("minimum", -math.inf) <= number <= schema.get("maximum", math.inf)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).is_valid(text)


def query_is_valid_as_sent(case) -> bool:
    for name, value in (case.query or {}).items():
        parameter = case.operation.query.get(name)
        if parameter is None:
            return False
        schema, texts = parameter.definition.get("schema", {}), as_sent(value)
        if parameter.definition.get("allowEmptyValue"):
            texts = [t for t in texts if t != ""]
        if schema.get("type") == "array":
            valid = len(texts) <= schema.get("maxItems", len(texts)) and all(
                text_is_valid(t, schema["items"]) for t in texts
            )
        else:
            valid = not texts or text_is_valid(texts[-1], schema)  # the server reads the last value
        if not valid:
            return False
    return True
