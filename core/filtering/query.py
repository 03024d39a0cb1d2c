"""A list page's URL parameters: which carry page state, which filter, and links changing them."""

from urllib.parse import urlencode

from django.http import QueryDict

# The "Show all" page of one facet (``?facet=country``) and the search among its values.
FACET_PARAM = "facet"
FACET_SEARCH_PARAM = "facet_q"
# Parameters that carry page state rather than a filter.
STATE_PARAMS = ("page", "sort", "format", FACET_PARAM, FACET_SEARCH_PARAM)


def is_set(value) -> bool:
    """Whether a filter's cleaned value filters anything (an empty choice or list does not)."""
    return value not in (None, "", [])


def querystring(params: QueryDict, *, remove: tuple[str, str | None] | None = None, **changes) -> str:
    """``params`` as ``?a=1&b=2``, without ``page``, minus one ``(key, value)`` pair (``value`` None:
    every value), with ``changes`` set (a list value appends rather than replaces)."""
    # Plain lists, not QueryDict.copy(): its deep copy was most of the cost of the 80 facet links
    # of a list page. The encoding is QueryDict.urlencode()'s (quote_plus of each pair).
    query = {key: list(values) for key, values in params.lists() if key != "page"}
    if remove:
        key, value = remove
        kept = [v for v in query.get(key, []) if value is not None and v != value]
        query[key] = kept
    for key, value in changes.items():
        if isinstance(value, list):
            present = query.get(key, [])
            query[key] = [*present, *[v for v in value if v not in present]]
        else:
            query[key] = [value]
    encoded = urlencode([(key, v) for key, values in query.items() for v in values])
    return f"?{encoded}" if encoded else "?"
