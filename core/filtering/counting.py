"""Every facet's counts and the filtered total of a list page in ONE SQL statement.

For a facet, rows matching every OTHER active filter (its "base") are grouped by the facet's value,
so a count is what clicking that value would show. Single-valued facets with the same base share
one ``GROUPING SETS`` pass over the base's rows (a facet without an active filter of its own shares
the filtered rows, whose grand total is the result count); to-many facets (tags, ecosystems,
unnested codes) and ``counts`` facets are ``GROUP BY`` parts limited to their top values (the
values selected in the URL first, so their counts are always known), each row carrying how many
values the facet has in all (for "Show all N"). The parts are joined with ``UNION ALL``. Each result
row is ``(facet index, value, label, count, values in all)``; index -1 is the total, -2 a grand
total that is not needed.

Within a facet, values are ORed (``?country=FR&country=DE``), so a facet with a selection of its
own counts the rows of every OTHER filter ("disjunctive faceting"): a value's count is how many of
those rows have it, whether or not it is selected. Tags (``Facet.adds``) are ANDed and keep their
own filter.
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL

from core.cache import current_data_version
from core.filtering.query import is_set

# Counting the facets of a large list takes a pass over every row and its tags, which grows with
# the table (bench/README.md): counts of 10,000 rows or more (and the total) are cached, keyed by
# their exact SQL and the data version (core/cache.py), so a write shows in the counts at once and
# an entry can live for an hour. Narrower lists are always counted afresh.
FACET_CACHE_MIN_ROWS = 10_000
FACET_CACHE_SECONDS = 3600
# The CTE of the filtered rows' ids that the facet counts share.
SHARED_ROWS = "ckb_filtered_rows"

Counts = tuple[int, dict[str, list[tuple]]]
# The most values the "Show all" page of one facet lists.
ALL_VALUES_LIMIT = 5000


def count_facets(filterset, *, only: str | None = None) -> Counts:
    """The filtered total and every facet's ``(value, label, count, values in all)`` rows, most
    frequent first: from the cache for a large list, else from one statement. With ``only`` (a
    facet's name): that facet's values, up to ``ALL_VALUES_LIMIT``, and no total."""
    sql, params = counting_sql(filterset, only=only)
    if not sql:
        return 0, {facet.name: [] for facet in filterset.facets}
    digest = hashlib.sha256(f"{filterset.queryset.db}|{sql}|{params!r}".encode()).hexdigest()
    key = f"facets:{current_data_version()}:{digest}"
    if (cached := cache.get(key)) is not None:
        return cached
    result = _execute(filterset, sql, params)
    if result[0] >= FACET_CACHE_MIN_ROWS:
        cache.set(key, result, FACET_CACHE_SECONDS)
    return result


def counting_sql(filterset, *, only: str | None = None) -> tuple[str, list]:
    """The statement counting every facet and the total (or the one facet ``only``, all its
    values); ``("", [])`` when nothing can match."""
    shared_sql, shared_params, filtered = _shared_filtered(filterset) if only is None else (None, [], None)
    parts = list(_parts(filterset, filtered) if only is None else _only_part(filterset, only))
    if not parts:
        return "", []
    sql = " UNION ALL ".join(f"({part})" for part, _params in parts)
    params = [param for _part, part_params in parts for param in part_params]
    if shared_sql:
        sql = f"WITH {SHARED_ROWS}(pk) AS MATERIALIZED ({shared_sql}) {sql}"
        params = [*shared_params, *params]
    return sql, params


def _execute(filterset, sql: str, params: list) -> Counts:
    total, counts = 0, {facet.name: [] for facet in filterset.facets}
    with connections[filterset.queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        for index, value, label, count, in_all in cursor.fetchall():
            if index == -1:
                total = count
            elif index >= 0:
                counts[filterset.facets[index].name].append((value, label, count, in_all))
    for rows in counts.values():
        rows.sort(key=lambda row: (-row[2], row[0] or ""))
    return total, counts


def _own(filterset, facet) -> str | None:
    """The facet's name when its own selection must be left out of its counts (ORed values)."""
    return facet.name if not facet.adds and is_set(filterset.form.cleaned_data.get(facet.name)) else None


def _only_part(filterset, name: str):
    index, facet = next((i, f) for i, f in enumerate(filterset.facets) if f.name == name)
    base = filterset.queryset_without(_own(filterset, facet))
    yield from _built(_to_many_part, filterset, index, facet, base, ALL_VALUES_LIMIT)


def _parts(filterset, filtered):
    """``(sql, params)`` of each UNION ALL part: a to-many facet each, then one GROUPING SETS pass
    per base shared by single-valued facets. A part whose rows cannot match anything (e.g. a
    search with no match) is left out: its facets have no values."""
    groups: dict[str | None, list[int]] = {None: []}
    for index, facet in enumerate(filterset.facets):
        own = _own(filterset, facet)
        if facet.is_single:
            groups.setdefault(own, []).append(index)
        else:
            yield from _built(_to_many_part, filterset, index, facet, _base(filterset, filtered, own), facet.limit)
    for own, indexes in groups.items():
        yield from _built(_grouping_part, filterset, _base(filterset, filtered, own), own, indexes)


def _base(filterset, filtered, own: str | None):
    """The rows a facet counts: the filtered ones, or without the facet's own filter ``own``."""
    return filtered if own is None else filterset.queryset_without(own)


def _built(build, *args):
    try:
        yield build(*args)
    except EmptyResultSet:
        return


def _shared_filtered(filterset):
    """With two filters or more: the filtered rows' ids as SQL for a MATERIALIZED CTE, and the
    queryset of those rows read back from it. Every facet without an active filter of its own,
    and the total, count these rows: combined filters (EXISTS over visits, tags, a search) then
    run once per page instead of once per such facet. A single filter is cheaper to apply again
    in each part through its index than to read every id it leaves back by primary key. Otherwise,
    or when the filters cannot match anything, ``(None, [], filtered queryset)``."""
    filtered = filterset.queryset_without(None)
    if sum(is_set(value) for value in filterset.form.cleaned_data.values()) < 2:
        return None, [], filtered
    try:
        sql, params = filtered.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None, [], filtered
    return sql, list(params), filterset.queryset.filter(pk__in=RawSQL(f"SELECT pk FROM {SHARED_ROWS}", ()))


def _expression(filterset, facet):
    expression = facet.expression(filterset) if callable(facet.expression) else facet.expression
    return F(expression or facet.name) if isinstance(expression or facet.name, str) else expression


def _to_many_part(filterset, index: int, facet, base, limit: int) -> tuple[str, list]:
    """SQL for a to-many facet (or any facet counted alone): ``index, value, label, count, values
    in all``, the selected values first, then the top values."""
    first = filterset.selected(facet.name)
    sql, params = _to_many_counts(filterset, facet, base, limit + len(first), first)
    return (
        f"SELECT {index}, t.facet_value::text, t.facet_label::text, t.facet_count, t.facet_values FROM ({sql}) AS t",
        params,
    )


def _to_many_counts(filterset, facet, base, limit: int, first: list[str]) -> tuple[str, list]:
    """``facet_value, facet_label, facet_count, facet_values`` of a to-many facet: the values
    ``first``, then the top ones, at most ``limit + 1`` rows; ``facet_values`` is how many values
    there are in all."""
    if facet.counts is not None:
        return facet.counts(filterset, base, limit, first)
    # Each (row, value) pair once (a hashed DISTINCT), then counted per value: cheaper
    # than COUNT(DISTINCT pk), which sorts. Rows without a value are left out (an
    # inner join) rather than counted and dropped.
    annotations = {"facet_value": _expression(filterset, facet)}
    if facet.adds and first:
        # The filter's own joins (one per ANDed tag) would be reused by the facet's path, which
        # then saw only the last chosen tag: the rows are read afresh by their ids.
        base = base.model._default_manager.filter(pk__in=base.order_by().values("pk"))
    if facet.label_expression:
        annotations["facet_label"] = F(facet.label_expression)
    pairs = base.order_by().annotate(**annotations)
    if isinstance(annotations["facet_value"], F):  # not a set-returning unnest()
        pairs = pairs.filter(facet_value__isnull=False)
    pairs = pairs.values("pk", *annotations).distinct()
    inner, params = pairs.query.sql_with_params()
    label = "p.facet_label" if facet.label_expression else "NULL::text"
    sql = (
        f"SELECT p.facet_value, {label} AS facet_label, COUNT(*) AS facet_count,"
        f" COUNT(*) OVER () AS facet_values FROM ({inner}) AS p GROUP BY 1, 2"
        f" ORDER BY p.facet_value::text = ANY(%s) DESC, 3 DESC, 1 LIMIT {int(limit) + 1}"
    )
    return sql, [*params, [str(v) for v in first]]


def _grouping_part(filterset, base, own, indexes) -> tuple[str, list]:
    """SQL for the single-valued facets ``indexes`` sharing ``base``: one GROUPING SETS pass."""
    # Filters never repeat a row (to-many filters use EXISTS, one join per ANDed tag), so
    # COUNT(*) over the base counts rows, as the list's own count does.
    columns = {f"facet_{i}": _expression(filterset, filterset.facets[i]) for i in indexes}
    rows = base.order_by().annotate(**columns).values(*columns) if columns else base.order_by().values("pk")
    sql, params = rows.query.sql_with_params()
    # The grand total "()" of the filtered rows (own=None) is the result count: index -1.
    whole = -1 if own is None else -2
    if not columns:
        return f"SELECT {whole}, NULL::text, NULL::text, COUNT(*), NULL::bigint FROM ({sql}) AS t", list(params)
    names = [f't."{name}"' for name in columns]
    which = " ".join(f"WHEN GROUPING({n}) = 0 THEN {i}" for n, i in zip(names, indexes, strict=True))
    value = f"COALESCE({', '.join(f'{n}::text' for n in names)})"
    sets = ", ".join([*(f"({n})" for n in names), "()"])
    return (
        f"SELECT CASE {which} ELSE {whole} END, {value}, NULL::text, COUNT(*), NULL::bigint FROM ({sql}) AS t"
        f" GROUP BY GROUPING SETS ({sets})"
    ), list(params)
