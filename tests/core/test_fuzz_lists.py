"""Property-based: any query string on any list page (and the search page) answers 200 or 400,
never 500. Parameters are drawn from each page's real filter names plus arbitrary ones, with
arbitrary values (quotes, markup, NUL and control characters, huge numbers).

The pages and their filter names come from the URLconf and the FilterSets themselves (every view
that is a ``FacetedListView``, every declared filter of its ``filterset_class``), so a list page
or a filter added later is fuzzed without touching this file."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.filtering import STATE_PARAMS, FacetedListView

pytestmark = pytest.mark.django_db

SEARCH_PAGE = "/search/"
# The search page's one parameter (globalsearch/views.py reads nothing else).
SEARCH_PARAMS = ["q"]


def _list_pages(patterns=None, prefix: str = "") -> list[str]:
    """The path of every URL pattern served by a FacetedListView (none of them takes arguments)."""
    pages = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            pages += _list_pages(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            view = getattr(entry.callback, "view_class", None)
            if isinstance(view, type) and issubclass(view, FacetedListView):
                pages.append("/" + route)
    return pages


def filterset_class(url: str):
    return resolve(url).func.view_class.filterset_class


def filter_names(url: str) -> list[str]:
    """Every declared filter of the page's FilterSet (``q`` and ``tag`` included)."""
    if url == SEARCH_PAGE:
        return list(SEARCH_PARAMS)
    return sorted(filterset_class(url).base_filters)


LIST_PAGES = _list_pages()
PAGES = [*LIST_PAGES, SEARCH_PAGE]

values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.sampled_from(["", "-", '"', "'", "<script>alert(1)</script>", "2013-02-30", "1e309", "NaN", "csv", "%00"]),
)


def query_strings(url: str):
    """Up to six (name, value) pairs: the page's filters, its state parameters, or any name."""
    names = filter_names(url) + list(STATE_PARAMS)
    keys = st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=12))
    return st.lists(st.tuples(keys, values), max_size=6)


def test_every_list_page_is_found():
    assert set(LIST_PAGES) >= {
        "/partners/",
        "/clusters/",
        "/poles/",
        "/visits/",
        "/funding/",
        "/funding/calls/",
        "/funding/projects/",
    }


@pytest.mark.parametrize("url", LIST_PAGES)
def test_every_fuzzed_parameter_is_a_real_filter_of_the_page(rf, url):
    """The names fuzzed are exactly the filters the page's FilterSet applies (a form field each),
    and each of them, given a value, reaches the FilterSet's form: none is silently unknown."""
    request = rf.get(url)
    request.user = AnonymousUser()
    view = resolve(url).func.view_class()
    view.setup(request)
    filterset = view.filterset_class(request.GET, queryset=view.get_queryset(), request=request)
    fuzzed = set(filter_names(url))
    assert fuzzed == set(filterset.filters), url
    assert fuzzed <= set(filterset.form.fields), url
    assert not fuzzed & set(STATE_PARAMS), url


@pytest.mark.parametrize("url", PAGES)
def test_random_query_strings_never_cause_a_server_error(client, url):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(params=query_strings(url))
    def check(params):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params, response.status_code)

    check()
