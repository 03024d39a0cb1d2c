"""What a facet beside a list is (``Facet``) and what it shows (``FacetResult`` of ``FacetValue``)."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Facet:
    """A facet beside the list: the filter it drives and the SQL value a row has for it.

    ``expression``: a field path (``"country"``, ``"ecosystems__slug"``) or an expression, or a
    callable ``(filterset) -> expression``; its values must be what the filter accepts in the URL.
    ``label_expression``: a path giving the value's label (``"ecosystems__name"``); otherwise the
    filter's choices label it. ``adds``: choosing a value adds it to the selected ones (ANDed tags)
    instead of replacing them, so the counts keep this facet's own filter.
    ``single``: each row has exactly one value (a column of the row, or an expression over it), so
    the facet is counted in the shared GROUPING SETS pass; by default true for a path without
    ``__``. ``counts``: a callable ``(filterset, base queryset, limit) -> (sql, params)`` selecting
    ``facet_value, facet_label, facet_count`` (top values first, at most ``limit + 1`` rows), for
    a facet that is cheaper to count in its own SQL (e.g. from link tables).
    """

    name: str
    expression: Any = None
    label_expression: str | None = None
    limit: int = 10
    adds: bool = False
    single: bool | None = None
    counts: Any = None

    @property
    def is_single(self) -> bool:
        if self.counts is not None:
            return False
        if self.single is not None:
            return self.single
        path = self.expression or self.name
        return isinstance(path, str) and "__" not in path


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass
class FacetResult:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)
