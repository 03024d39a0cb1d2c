"""What a facet beside a list is (``Facet``) and what it shows (``FacetResult`` of ``FacetValue``)."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Facet:
    """A facet beside the list: the filter it drives and the SQL value a row has for it.

    ``expression``: a field path (``"country"``, ``"ecosystems__slug"``) or an expression, or a
    callable ``(filterset) -> expression``; its values must be what the filter accepts in the URL.
    ``label_expression``: a path giving the value's label (``"ecosystems__name"``); otherwise the
    filter's choices label it. Choosing a value adds it to the selected ones; they are ORed, so
    the facet's counts leave its own selection out, except with ``adds`` (ANDed tags), whose
    counts keep it.
    ``single``: each row has exactly one value (a column of the row, or an expression over it), so
    the facet is counted in the shared GROUPING SETS pass; by default true for a path without
    ``__``. ``counts``: a callable ``(filterset, base queryset, limit, first) -> (sql, params)``
    selecting ``facet_value, facet_label, facet_count, facet_values``: the values ``first`` (the
    selected ones) then the top values, at most ``limit + 1`` rows, and how many values there are
    in all (``COUNT(*) OVER ()`` before the LIMIT), for a facet that is cheaper to count in its
    own SQL (e.g. from link tables).
    ``newest_first``: values are listed in descending order of value (years), not by count; the
    ``limit`` shown are then the latest ones.
    ``display``: a callable ``(label) -> str`` giving a value's label in the reader's language
    (reference names stored in English, e.g. ``clusters.reference.region_name``), in the facet
    and in its chips; values with the same count are listed in the order of these labels.
    """

    name: str
    expression: Any = None
    label_expression: str | None = None
    limit: int = 10
    adds: bool = False
    single: bool | None = None
    counts: Any = None
    newest_first: bool = False
    display: Any = None

    def shown_label(self, label: str) -> str:
        return str(self.display(label)) if self.display is not None else label

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
    """A facet's values; ``total_values`` is how many it has in all, ``all_url`` the page listing
    every one of them (set when some are not shown)."""

    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)
    total_values: int = 0
    all_url: str = ""
