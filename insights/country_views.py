"""Country pages: the index of countries with data, one country's page, two countries'
cooperation, and their per-year tables as CSV."""

import csv
import io

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.filtering.export import csv_cell
from insights import countries as reading
from insights.charts import stacked_per_year

ONE_COUNTRY_SERIES = [
    (reading.HELD, gettext_lazy("Held there")),
    (reading.FROM, gettext_lazy("Delegations from there")),
    (reading.ABROAD, gettext_lazy("Other events abroad")),
]


def country_url(country, other=None, csv_table: bool = False) -> str:
    code = country.code.lower()
    if other is None:
        return reverse("insights:country-csv" if csv_table else "insights:country", args=[code])
    return reverse(
        "insights:country-pair-csv" if csv_table else "insights:country-pair", args=[code, other.code.lower()]
    )


def chart(years, series) -> dict:
    """The per-year rows of ``reading.per_year`` as a stacked bar chart with its table."""
    if not years:
        return {"rows": []}
    counts = {(y.year, key): y.counts[key] for y in years for key, _label in series if y.counts[key]}
    span = list(range(years[0].year, years[-1].year + 1))
    drawn = stacked_per_year(span, series, counts, url=lambda year: f"#year-{year}")
    return {**drawn, "first_year": span[0], "last_year": span[-1]}


def year_table(years, series, partners: bool = False) -> list[dict]:
    """The per-year table the page shows and its CSV gives: a row per year with any visit."""
    return [
        {
            "year": y.year,
            "cells": [y.counts[key] for key, _label in series],
            "total": y.total,
            "partner_countries": y.partner_countries() if partners else [],
        }
        for y in years
    ]


def csv_table(filename: str, header: list, rows: list[list]) -> HttpResponse:
    """The page's per-year table as CSV: the same columns and figures."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CountryIndexView(TemplateView):
    """Every country with an organisation or a visit on record."""

    template_name = "insights/countries.html"

    def get_context_data(self, **kwargs):
        rows = reading.countries_with_data(self.request.user)
        for row in rows:
            row["url"] = country_url(row["country"])
        return super().get_context_data(page_title=_("Countries"), rows=rows, **kwargs)


class CountryMixin:
    """Reads the lower-case ISO codes of the address: an upper-case one redirects to the
    lower-case address, an unknown one is a 404 page that says so."""

    csv_table = False

    def get(self, request, *args, **kwargs):
        codes = [kwargs[k] for k in ("code", "other") if k in kwargs]
        found = [reading.country_of(code) for code in codes]
        if None in found:
            lower = [reading.country_of(code.lower()) for code in codes]
            if None not in lower:
                return redirect(self.address(*lower), permanent=True)
            bad = codes[found.index(None)]
            context = {"page_title": _("Unknown country"), "code": bad}
            return render(request, "insights/country_unknown.html", context, status=404)
        return self.show(request, *found)

    def address(self, *countries):
        return country_url(*countries, csv_table=self.csv_table)


class CountryView(CountryMixin, TemplateView):
    """One country: its organisations by kind, visits held there and delegations from it per year
    with the partner countries, its projects and the instruments open to it."""

    template_name = "insights/country.html"

    def show(self, request, country):
        code = country.code
        visits = reading.country_visits(request.user, code)
        table = year_table(visits["years"], ONE_COUNTRY_SERIES, partners=True)
        if self.csv_table:
            header = [_("Year"), *(label for _key, label in ONE_COUNTRY_SERIES), _("Total"), _("Partner countries")]
            rows = [
                [r["year"], *r["cells"], r["total"], "; ".join(c.code for c in r["partner_countries"])] for r in table
            ]
            return csv_table(f"visits-{code.lower()}.csv", header, rows)
        context = self.get_context_data(
            page_title=country.name,
            country=country,
            kinds=reading.organisations_by_kind(code),
            series=ONE_COUNTRY_SERIES,
            chart=chart(visits["years"], ONE_COUNTRY_SERIES),
            table=table,
            projects=reading.projects(code),
            instruments=reading.instruments_open_to(code),
            csv_url=country_url(country, csv_table=True),
            **visits,
        )
        return self.render_to_response(context)


class CountryPairView(CountryMixin, TemplateView):
    """Two countries' cooperation over time: visits either way, events both took part in, the
    organisations involved and the projects with partners from both."""

    template_name = "insights/country_pair.html"

    def show(self, request, country, other):
        if country == other:
            return redirect(country_url(country, csv_table=self.csv_table))
        visits = reading.pair_visits(request.user, country.code, other.code)
        series = [
            (reading.A_TO_B, _("From %(a)s to %(b)s") % {"a": country.name, "b": other.name}),
            (reading.B_TO_A, _("From %(a)s to %(b)s") % {"a": other.name, "b": country.name}),
            (reading.TOGETHER, _("Both at an event")),
        ]
        table = year_table(visits["years"], series)
        if self.csv_table:
            header = [_("Year"), *(label for _key, label in series), _("Total")]
            rows = [[r["year"], *r["cells"], r["total"]] for r in table]
            return csv_table(f"cooperation-{country.code.lower()}-{other.code.lower()}.csv", header, rows)
        context = self.get_context_data(
            page_title=_("%(a)s and %(b)s") % {"a": country.name, "b": other.name},
            country=country,
            other=other,
            country_url=country_url(country),
            other_url=country_url(other),
            series=series,
            chart=chart(visits["years"], series),
            table=table,
            projects=reading.projects(country.code, other.code),
            csv_url=country_url(country, other, csv_table=True),
            **visits,
        )
        return self.render_to_response(context)
