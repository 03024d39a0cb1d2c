"""Exports of a list page: CSV, XLSX and JSON, each every filtered row in the page's order.

The three formats read the same columns (``[(header, "attr.path" or callable)]``) from the same
queryset, row by row in chunks, so none holds the whole list in memory and none caps it:
CSV and JSON are streamed as they are written; XLSX is written row by row (openpyxl's write-only
mode) into a temporary file that is then streamed from disk. A column whose getter is
``"get_absolute_url"`` is written as an absolute address (``request.build_absolute_uri``), so a
link in a spreadsheet opens the page. Contact persons are never a column of any list.
"""

import csv
import datetime
import decimal
import json
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

CHUNK_SIZE = 2000
BOM = "\ufeff"
URL_GETTER = "get_absolute_url"

# ?format=<key>: (label in the export menu, extra query parameters)
EXPORT_FORMATS = ("csv", "xlsx", "json")
EXPORT_MENU = [
    ("csv", {}, _("CSV")),
    ("csv", {"bom": "1"}, _("CSV for Excel")),
    ("xlsx", {}, _("Excel (XLSX)")),
    ("json", {}, _("JSON")),
]


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


class _Rows:
    """The header and the values of every row of ``queryset`` for ``columns``, read in chunks."""

    def __init__(self, queryset, columns, request):
        self.queryset = queryset
        self.columns = columns
        # Translated now, while the request's language is active, not when the stream is read.
        self.headers = [str(header) for header, _getter in columns]
        # The scheme and host once; each row's path is appended to it.
        self.site = request.build_absolute_uri("/").rstrip("/")

    def __iter__(self):
        getters = [getter for _header, getter in self.columns]
        for obj in self.queryset.iterator(chunk_size=CHUNK_SIZE):
            yield [self._value(obj, getter) for getter in getters]

    def _value(self, obj, getter):
        value = column_value(obj, getter)
        if getter == URL_GETTER and isinstance(value, str) and value.startswith("/"):
            return self.site + value
        return value


def csv_response(queryset, columns, filename: str, request, *, bom: bool = False) -> StreamingHttpResponse:
    """Every row as CSV, streamed; ``bom`` starts it with a byte-order mark, without which Excel
    reads UTF-8 as the local code page ("Ã¼" for "ü")."""
    rows = _Rows(queryset, columns, request)
    writer = csv.writer(_Echo())

    def lines():
        yield (BOM if bom else "") + writer.writerow(rows.headers)
        for values in rows:
            yield writer.writerow([csv_cell(v) for v in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json_value(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):  # dates and datetimes
        return value.isoformat()
    return str(value)  # records, lazy translations, countries


def json_response(queryset, columns, filename: str, request) -> StreamingHttpResponse:
    """Every row as a JSON list of objects keyed by the column headers, streamed."""
    rows = _Rows(queryset, columns, request)

    def chunks():
        yield "["
        for i, values in enumerate(rows):
            record = {h: _json_value(v) for h, v in zip(rows.headers, values, strict=True)}
            yield ("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_value(value):
    if value is None or isinstance(value, bool | int | float | str | decimal.Decimal):
        return value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the UTC wall time, said so in no cell but consistent.
        return value.astimezone(datetime.UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, datetime.date):
        return value
    return str(value)


def xlsx_response(queryset, columns, filename: str, request) -> FileResponse:
    """Every row as one XLSX sheet: dates as dates, numbers as numbers. openpyxl's write-only
    mode keeps the rows on disk, not in memory; the finished file is streamed from disk."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    rows = _Rows(queryset, columns, request)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Export")

    def cell(value):
        c = WriteOnlyCell(sheet, value=_xlsx_value(value))
        if c.data_type == "f":  # text starting with "=" is text, never a formula
            c.data_type = "s"
        return c

    sheet.append([cell(h) for h in rows.headers])
    for values in rows:
        sheet.append([cell(v) for v in values])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def export_response(fmt: str, queryset, columns, filename_stem: str, request):
    """The list's rows in ``fmt`` (one of ``EXPORT_FORMATS``); ``?bom=1`` adds a BOM to CSV."""
    filename = f"{filename_stem}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(queryset, columns, filename, request)
    if fmt == "json":
        return json_response(queryset, columns, filename, request)
    return csv_response(queryset, columns, filename, request, bom=request.GET.get("bom") == "1")
