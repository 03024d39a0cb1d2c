"""CSV export of a list page: every filtered row, streamed, safe to open in a spreadsheet."""

import csv

from django.http import StreamingHttpResponse


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming ``csv.writer`` output."""

    def write(self, value):
        return value


def csv_cell(value) -> str:
    text = "" if value is None else str(value)
    # Spreadsheet formula injection: a cell starting with these is read as a formula.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def joined(values) -> str:
    """Several values in one cell: "Textiles; Health"."""
    return "; ".join(str(v) for v in values)


def column_value(obj, getter):
    """A column's value for ``obj``: ``getter(obj)``, or the attribute path ``getter`` ("a.b")."""
    if callable(getter):
        return getter(obj)
    for attr in getter.split("."):
        obj = getattr(obj, attr, None)
    # A method named by its path ("get_kind_display", "get_absolute_url") gives its result.
    return obj() if callable(obj) else obj


def csv_response(queryset, columns, filename: str) -> StreamingHttpResponse:
    """Every row of ``queryset``, in its order, streamed in chunks (never all in memory);
    ``columns`` is ``[(header, "attr.path" or callable)]``."""
    writer = csv.writer(_Echo())
    # Translated now, while the request's language is active, not when the stream is read.
    headers = [str(header) for header, _getter in columns]

    def rows():
        yield writer.writerow(headers)
        for obj in queryset.iterator(chunk_size=2000):
            yield writer.writerow([csv_cell(column_value(obj, getter)) for _, getter in columns])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
