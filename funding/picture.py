"""The funding picture of /funding/: instruments by country of eligibility and by level, counted
in SQL (two GROUP BY queries whatever the number of instruments), drawn as horizontal HTML bars
by templates/funding/includes/picture.html (real text, so it never shrinks below the page's
font size on a phone) with a table of the same numbers."""

from dataclasses import dataclass

from django.db.models import Count, F, Func, Max, Q, Value
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from core.countries import country_name
from funding.models import Instrument

MAX_COUNTRIES = 12


@dataclass
class Row:
    label: str
    count: int
    url: str
    percent: float = 0  # of the longest bar


@dataclass
class Chart:
    key: str
    title: str
    rows: list[Row]
    note: str = ""

    def __post_init__(self):
        top = max((r.count for r in self.rows), default=0) or 1
        for row in self.rows:
            row.percent = round(100 * row.count / top, 1)


def _url(**params) -> str:
    return f"{reverse('funding:instrument-list')}?{urlencode(params)}"


def by_country() -> Chart:
    """Instruments per eligible country (the most frequent), and those that state none."""
    codes = Func(Func(F("eligible_countries"), Value(","), function="string_to_array"), function="unnest")
    rows = (
        Instrument.objects.annotate(code=codes)
        .values("code")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "code")
    )
    counted = [(r["code"], r["n"]) for r in rows if r["code"]]
    shown = [Row(country_name(code), n, _url(country=code)) for code, n in counted[:MAX_COUNTRIES]]
    note = ""
    if len(counted) > MAX_COUNTRIES:
        note = gettext("%(count)s more countries are named by fewer instruments.") % {
            "count": len(counted) - MAX_COUNTRIES
        }
    return Chart("country", gettext("Instruments by eligible country"), shown, note)


def by_level() -> tuple[Chart, int, int, object]:
    """Instruments per level, in the order of the levels; with the total, the number stating no
    eligible country, and the last change of any instrument (the picture's as-of)."""
    rows = {
        r["level"]: r
        for r in Instrument.objects.values("level").annotate(
            n=Count("pk"),
            unrestricted=Count("pk", filter=Q(eligible_countries="")),
            changed=Max("updated_at"),
        )
    }
    shown = [
        Row(str(label), rows[value]["n"], _url(level=value))
        for value, label in Instrument.Level.choices
        if value in rows
    ]
    total = sum(r["n"] for r in rows.values())
    unrestricted = sum(r["unrestricted"] for r in rows.values())
    changed = max((r["changed"] for r in rows.values()), default=None)
    return Chart("level", gettext("Instruments by level"), shown), total, unrestricted, changed


def funding_picture() -> dict:
    levels, total, unrestricted, changed = by_level()
    return {
        "charts": [by_country(), levels],
        "total": total,
        "unrestricted": unrestricted,
        "as_of": changed,
    }
