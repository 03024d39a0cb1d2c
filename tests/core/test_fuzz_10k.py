"""The long fuzz run (marker ``fuzz``, run on its own: ``pytest -m fuzz``): FUZZ_EXAMPLES generated
query strings spread over every list page and search, 0 server errors. The pages and their filter
names are test_fuzz_lists.py's (read from the URLconf and the FilterSets); its quick version of the
same property runs in every test run.

Its duration grows linearly with FUZZ_EXAMPLES (default 2,000); it prints its own timing."""

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_fuzz_lists import PAGES, query_strings

TOTAL = int(os.environ.get("FUZZ_EXAMPLES", "2000"))

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]


def test_thousands_of_query_strings_cause_no_server_error(client, request):
    if "fuzz" not in (request.config.getoption("markexpr") or "").replace("not fuzz", ""):
        pytest.skip("long fuzz run; select it with -m fuzz")
    client.raise_request_exception = False
    statuses: dict[int, int] = {}
    started = time.monotonic()

    @settings(
        max_examples=TOTAL,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(url=st.sampled_from(PAGES), data=st.data())
    def check(url, data):
        params = data.draw(query_strings(url))
        status = client.get(url, params).status_code
        statuses[status] = statuses.get(status, 0) + 1
        assert status != 500, (url, params)

    check()
    elapsed = time.monotonic() - started
    print(f"fuzz: {sum(statuses.values())} requests in {elapsed:.0f} s, statuses {statuses}")
    assert sum(statuses.values()) >= TOTAL
    assert set(statuses) <= {200, 400}
