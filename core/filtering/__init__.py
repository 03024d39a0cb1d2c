"""Faceted list pages: a FilterSet base and a ListView base shared by every browsable model.

A list page is declared, not programmed::

    class PartnerList(FacetedListView):
        queryset = Organisation.objects.for_list()
        filterset_class = OrganisationFilterSet      # a FacetedFilterSet with ``facets``
        sort_options = {"name": ("Name", ["name"]), "-founded": ("Newest", ["-founded", "name"])}
        csv_columns = [("Name", "name"), ("Country", "country.code")]
        template_name = "clusters/organisation_list.html"   # extends generic/object_list.html

The whole state lives in the URL (filters, ``sort``, ``page``); ``?format=csv`` streams exactly the
filtered rows. Bad input never raises: a page with an invalid filter value answers 400 with the
rows without that filter and a message naming it (an export or a feed: 400 and the message as
plain text), a page out of range shows the last page, an unknown sort falls back to the default.

One job per module: ``fields`` (form fields and filters), ``query`` (the URL's parameters),
``facets`` (what a facet is and shows), ``counting`` (every facet's counts in one SQL statement),
``filterset`` (``FacetedFilterSet``), ``export`` (CSV streaming) and ``views`` (``FacetedListView``).
"""

from core.filtering.facets import Facet
from core.filtering.fields import AnyOfFilter, MultipleValueField, SlugFilter
from core.filtering.filterset import FacetedFilterSet
from core.filtering.query import STATE_PARAMS, is_set, querystring
from core.filtering.views import FacetedListView

__all__ = [
    "STATE_PARAMS",
    "AnyOfFilter",
    "Facet",
    "FacetedFilterSet",
    "FacetedListView",
    "MultipleValueField",
    "SlugFilter",
    "is_set",
    "querystring",
]
