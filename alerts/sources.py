"""What a saved search matches, read through the page it was saved from.

A list page is a ``FacetedListView``: its matches are its own queryset through its own FilterSet,
fed the saved query string, exactly as the page and its feeds read them (core/feeds.py), so a
count here is the count the list shows. The global search is the registry's searched types, each
through its ``SearchSpec.queryset(user).search(q)``. Anything else cannot be saved.
"""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext

from core.filtering import STATE_PARAMS, FacetedListView
from core.fulltext import MAX_QUERY_LENGTH
from core.registry import registry
from funding.fit import saved_matches

GLOBAL_SEARCH = "globalsearch:search"
# Pages that are not lists but can be saved: URL name -> ``(params) -> (queryset or None, errors)``.
PAGES = {"funding:fit": saved_matches}


def normalise_query(params: QueryDict) -> str:
    """The filters of ``params`` as a stable query string: no page state or empty values, keys
    sorted, each key's values sorted (their order never changes what a list shows)."""
    pairs = []
    for key in sorted(params.keys()):
        if key in STATE_PARAMS and key != "sort":
            continue
        for value in sorted(v for v in params.getlist(key) if v.strip()):
            pairs.append((key, value))
    return urlencode(pairs)


def new_since_field(model) -> str:
    """When a record became public: ``published_at`` where a model has drafts, else ``created_at``."""
    names = {f.name for f in model._meta.fields}
    return "published_at" if "published_at" in names else "created_at"


def kind_of(model) -> str:
    return model._meta.label_lower


@lru_cache(maxsize=64)
def list_view_of(view_name: str) -> tuple[type[FacetedListView], dict] | None:
    """The ``FacetedListView`` class and its init kwargs behind the URL name, or None."""
    try:
        match = resolve(reverse(view_name))
    except (NoReverseMatch, Resolver404):
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, FacetedListView):
        return None
    return view_class, getattr(match.func, "view_initkwargs", {})


def saveable(view_name: str) -> bool:
    return view_name == GLOBAL_SEARCH or view_name in PAGES or list_view_of(view_name) is not None


def _request(view_name: str, query: str, user) -> HttpRequest:
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = reverse(view_name)
    request.GET = QueryDict(query)
    request.user = user if user is not None else AnonymousUser()
    return request


@dataclass
class Matches:
    """The rows a saved search matches, per record type: ``[(model, queryset)]``, each
    queryset filtered and free of prefetches; ``errors`` the filters that failed validation."""

    querysets: list[tuple[type, QuerySet]]
    errors: list[str]
    title: str = ""


def matches(view_name: str, query: str, user=None) -> Matches:
    """What a saved search finds for ``user`` (None: an anonymous visitor, i.e. published only)."""
    if not saveable(view_name):  # a list that was removed since
        return Matches([], [gettext("This list no longer exists.")])
    if view_name in PAGES:
        queryset, errors = PAGES[view_name](QueryDict(query))
        return Matches([] if queryset is None else [(queryset.model, queryset)], errors)
    request = _request(view_name, query, user)
    if view_name == GLOBAL_SEARCH:
        text = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        if not text:
            return Matches([], [])
        return Matches(
            # Every field: a hit list defers some, and reading one later is a query per row.
            [(t.model, t.search.queryset(request.user).defer(None).search(text)) for t in registry.searched()],
            [],
        )
    found = list_view_of(view_name)
    if found is None:
        return Matches([], [])
    view_class, initkwargs = found
    view = view_class(**initkwargs)
    view.setup(request)
    filterset = view.filterset_class(request.GET, queryset=view.get_queryset(), request=request)
    queryset = filterset.qs.prefetch_related(None)
    return Matches([(queryset.model, queryset)], filterset.error_messages(), str(view.title))
