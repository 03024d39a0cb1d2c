"""Exports of global search, in the formats of the lists (CSV, XLSX, JSON: core/filtering/export.py).

One type's hits (``?type=<key>&format=csv``) are exported as that type's list exports its rows:
the list's own rows and columns (``SearchSpec.list_view``), in the order of the paged hits. The
hits of every type (``?format=csv`` without a type) share generic columns (type, title, details,
page), best first across types."""

import heapq

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Func, Value
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from core.filtering.export import CHUNK_SIZE, URL_GETTER, export_response
from core.fulltext import SearchSpec
from globalsearch import search


class _Rows:
    """Rows as the export writers read them (``iterator(chunk_size=...)``) from any iterable."""

    def __init__(self, rows):
        self.rows = rows

    def iterator(self, chunk_size):
        return iter(self.rows)


class _Hit:
    """A row of the mixed export: the record and the type it was found as."""

    def __init__(self, obj, spec: SearchSpec):
        self.obj, self.spec = obj, spec

    def get_absolute_url(self) -> str:
        return search.url_for(self.obj)


GENERIC_COLUMNS = [
    (_("Type"), lambda hit: hit.spec.label),
    (_("Title"), lambda hit: getattr(hit.obj, hit.spec.title)),
    (_("Details"), lambda hit: hit.spec.subtitle(hit.obj)),
    (_("Page"), URL_GETTER),
]


def _hits(rows, spec: SearchSpec):
    for obj in rows.iterator(chunk_size=CHUNK_SIZE):
        yield _Hit(obj, spec)


def type_export(fmt: str, raw: str, request, spec: SearchSpec):
    """Every hit of one type in ``fmt``: the rows and columns of the type's list when it has one."""
    hits = search.export_rows(raw, request.user, spec)
    if not spec.list_view:
        rows = _Rows(_hits(hits, spec))
        return export_response(fmt, rows, GENERIC_COLUMNS, f"search-{spec.key}", request)
    view = import_string(spec.list_view)
    pks = list(hits.values_list("pk", flat=True))
    # The list's read path (its annotations and prefetches feed its columns), in the hits' order.
    position = Func(
        Value(pks, output_field=ArrayField(models.BigIntegerField())),
        F("pk"),
        function="array_position",
        output_field=models.IntegerField(),
    )
    rows = view.queryset.all().filter(pk__in=pks).annotate(search_position=position).order_by("search_position")
    return export_response(fmt, rows, view.csv_columns, f"search-{spec.key}", request)


def mixed_export(fmt: str, raw: str, request):
    """The hits of every type in generic columns, best first across types (each type's hits come
    best first, so merging them by rank reads each type once, in chunks)."""
    streams = [_hits(search.export_rows(raw, request.user, spec), spec) for spec in search.specs()]
    merged = heapq.merge(*streams, key=lambda hit: -hit.obj.search_rank)
    return export_response(fmt, _Rows(merged), GENERIC_COLUMNS, "search", request)
