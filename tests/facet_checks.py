"""What a facet count promises, checked against the rows themselves.

Values of one facet are ORed and the facets ANDed; tags (``Facet.adds``) are ANDed. A value's count
is the number of rows the list shows with that value chosen in its facet and every other filter
kept: for a facet without a selection, the rows its link leaves; for a facet with a selection, the
rows of that value among the other filters' rows ("disjunctive faceting"), i.e. the rows its link
leaves that carry it. For a tag, the rows left with the tag added to the chosen ones.
"""

from django.http import QueryDict


def rows_with_value(filterset_class, queryset_factory, data: QueryDict, facet, value: str, **kwargs) -> int:
    """How many rows the list has with ``value`` chosen in ``facet`` (alone, or added to the
    chosen tags), every other parameter of ``data`` kept."""
    query = data.copy()
    if facet.adds:
        query.setlist(facet.name, list(dict.fromkeys([*data.getlist(facet.name), value])))
    else:
        query.setlist(facet.name, [value])
    return filterset_class(query, queryset=queryset_factory(), **kwargs).qs.count()


def check_facet_counts(filterset_class, queryset_factory, query: str, **kwargs) -> int:
    """Asserts every shown count (and the link of every value); returns how many were checked."""
    data = QueryDict(query)
    filterset = filterset_class(data, queryset=queryset_factory(), **kwargs)
    facets = {facet.name: facet for facet in filterset.facets}
    checked = 0
    for result in filterset.facet_results():
        facet = facets[result.name]
        for value in result.values:
            expected = rows_with_value(filterset_class, queryset_factory, data, facet, value.value, **kwargs)
            assert value.count == expected, (query, result.name, value.value, value.count, expected)
            link = QueryDict(value.url.lstrip("?"))
            if value.selected:  # the link removes just this value
                assert value.value not in link.getlist(result.name), value
            else:  # the link adds it to the chosen ones
                assert link.getlist(result.name) == [*dict.fromkeys([*data.getlist(result.name), value.value])]
            checked += 1
    return checked
