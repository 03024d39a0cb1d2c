"""Funding fit: the instruments and open or forthcoming calls an applicant of one beneficiary type
from one country may use, each with the rate that applies to it and why it fits.

An instrument fits when it is active and not past its end date, lists the beneficiary type among
its eligibilities, and either names the country among its eligible countries or states no country
restriction (shown as such, never as "open to every country"). With ecosystems chosen, an
instrument tied to other ecosystems only is left out; chosen tags only rank and explain. Ended
instruments that would otherwise fit are listed apart, each with its successor.

Queries: a fixed number whatever the number of instruments and calls (form choices, the fitting
instruments with their prefetches, the ended ones).
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from clusters.models import Ecosystem
from core.countries import country_choices, country_name
from core.provenance import Dated, dated
from funding.models import BeneficiaryType, Call, CallStatus, Eligibility, Instrument

FILTERS = ("beneficiary", "country", "ecosystem", "tag")


class FitForm(forms.Form):
    """The applicant: a beneficiary type and a country (both required), ecosystems and tags."""

    beneficiary = forms.ChoiceField(
        label=_("Beneficiary type"),
        choices=[("", _("Choose…")), *BeneficiaryType.choices],
        error_messages={
            "required": _("Choose a beneficiary type."),
            "invalid_choice": _("“%(value)s” is not a beneficiary type on record: choose one from the list."),
        },
    )
    country = forms.ChoiceField(
        label=_("Country"),
        error_messages={
            "required": _("Choose the applicant's country."),
            "invalid_choice": _("“%(value)s” is not a country code we know: choose a country from the list."),
        },
    )
    ecosystem = forms.MultipleChoiceField(label=_("Ecosystems (optional)"), required=False)
    tag = forms.MultipleChoiceField(label=_("Topics (optional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose…")), *country_choices()]
        self.fields["ecosystem"].choices = [(e.slug, str(e)) for e in Ecosystem.objects.all()]
        self.fields["tag"].choices = [(t.slug, t.name) for t in _instrument_tags()]


def _instrument_tags() -> QuerySet:
    """The tags of instruments: the topics an applicant can choose."""
    return Tag.objects.filter(
        pk__in=Instrument.tags.through.objects.filter(
            content_type__app_label="funding", content_type__model="instrument"
        ).values("tag_id")
    ).order_by("name")


@dataclass
class Fit:
    """One fitting instrument as the page shows it."""

    instrument: Instrument
    eligibility: Eligibility
    rate: Dated | None
    calls: list
    reasons: list[str]
    matched_tags: int = 0

    @property
    def condition(self) -> str:
        return self.eligibility.stated_condition


@dataclass
class Ended:
    """An ended instrument: ``ended_on`` its end date, else ``reported_on`` the date its
    discontinued status was reported."""

    instrument: Instrument
    ended_on: datetime.date | None
    reported_on: datetime.date | None
    successor: Instrument | None


@dataclass
class FitResult:
    fits: list[Fit] = field(default_factory=list)
    ended: list[Ended] = field(default_factory=list)
    today: datetime.date | None = None


def _country_condition(code: str, path: str = "eligible_countries") -> Q:
    # Two-letter codes joined by commas: containment of the code is an exact match.
    return Q(**{path: ""}) | Q(**{f"{path}__contains": code})


def _ended(today: datetime.date) -> Q:
    return Q(status=Instrument.Status.DISCONTINUED) | Q(end_date__lt=today)


def candidates(beneficiary: str, country: str, ecosystems=()) -> QuerySet:
    """Instruments open to ``beneficiary`` from ``country``, ended or not."""
    eligible = Eligibility.objects.filter(instrument=OuterRef("pk"), beneficiary_type=beneficiary)
    queryset = Instrument.objects.filter(Exists(eligible)).filter(_country_condition(country))
    if ecosystems:
        tied = Instrument.ecosystems.through.objects.filter(instrument=OuterRef("pk"))
        queryset = queryset.filter(~Exists(tied) | Exists(tied.filter(ecosystem__slug__in=ecosystems)))
    return queryset


def open_calls(today: datetime.date | None = None) -> QuerySet:
    """Calls open or forthcoming on ``today``, soonest deadline first."""
    return (
        Call.objects.with_status(today)
        .filter(call_status__in=[CallStatus.OPEN, CallStatus.FORTHCOMING])
        .order_by("deadline", "opens_on", "pk")
    )


def fitting_calls(data) -> QuerySet:
    """The open or forthcoming calls of the instruments that fit ``data`` (a bound, valid form's
    cleaned data): what a saved fit alert sends."""
    today = timezone.localdate()
    instruments = candidates(data["beneficiary"], data["country"], data.get("ecosystem") or ()).exclude(_ended(today))
    return open_calls(today).filter(instrument__in=instruments.values("pk"))


def saved_matches(params) -> tuple[QuerySet | None, list[str]]:
    """For a saved fit alert: the fitting open or forthcoming calls of the query ``params``, or
    None with the form's messages when its filters no longer hold."""
    form = FitForm(params)
    if not form.is_valid():
        return None, [str(e) for errors in form.errors.values() for e in errors]
    return fitting_calls(form.cleaned_data), []


def chips(form: FitForm) -> list[dict]:
    """The chosen values as the "Save this search" control names them."""
    out = []
    for name in FILTERS:
        field, values = form.fields[name], form.cleaned_data.get(name)
        labels = dict(field.choices)
        for value in values if isinstance(values, list) else [values]:
            out.append({"title": field.label, "label": labels.get(value, value), "invalid": False})
    return out


def _reasons(instrument: Instrument, eligibility: Eligibility, data) -> tuple[list[str], int]:
    country = data["country"]
    reasons = [
        gettext("Open to: %(type)s.") % {"type": eligibility.get_beneficiary_type_display()},
    ]
    if country in {c.code for c in instrument.eligible_countries}:
        reasons.append(gettext("%(country)s is among its eligible countries.") % {"country": country_name(country)})
    else:
        reasons.append(gettext("Its sources state no country restriction: check its terms."))
    chosen = set(data.get("ecosystem") or ())
    shared = [str(e) for e in instrument.ecosystems.all() if e.slug in chosen]
    if shared:
        reasons.append(gettext("Ecosystem: %(names)s.") % {"names": ", ".join(shared)})
    elif chosen:
        reasons.append(gettext("It is not tied to an ecosystem."))
    tags = [t.name for t in instrument.tags.all() if t.slug in set(data.get("tag") or ())]
    if tags:
        reasons.append(gettext("Topic: %(names)s.") % {"names": ", ".join(tags)})
    return reasons, len(tags) + len(shared)


def _rate(instrument: Instrument, eligibility: Eligibility) -> Dated | None:
    rate = eligibility.co_funding_rate if eligibility.co_funding_rate is not None else instrument.co_funding_rate
    if rate is None:
        return None
    return dated(f"{rate.normalize():f} %", instrument.rate_as_of, instrument.rate_source)


def funding_fit(data, today: datetime.date | None = None) -> FitResult:
    """The page's rows for a valid form's cleaned ``data``."""
    today = today or timezone.localdate()
    beneficiary = data["beneficiary"]
    base = candidates(beneficiary, data["country"], data.get("ecosystem") or ())
    fitting = (
        base.exclude(_ended(today))
        .select_related("managing_body")
        .prefetch_related(
            Prefetch(
                "eligibilities",
                queryset=Eligibility.objects.filter(beneficiary_type=beneficiary),
                to_attr="fitting_eligibilities",
            ),
            Prefetch("calls", queryset=open_calls(today), to_attr="open_calls"),
            "ecosystems",
            "tags",
        )
        .order_by("name", "pk")
    )
    result = FitResult(today=today)
    for instrument in fitting:
        eligibility = instrument.fitting_eligibilities[0]
        reasons, matched = _reasons(instrument, eligibility, data)
        result.fits.append(
            Fit(instrument, eligibility, _rate(instrument, eligibility), instrument.open_calls, reasons, matched)
        )
    # Matches on the chosen topics first; then instruments with an open call; then by name.
    result.fits.sort(key=lambda f: (-f.matched_tags, not f.calls))
    for instrument in base.filter(_ended(today)).select_related("successor").order_by("name", "pk"):
        ended_on = instrument.end_date if instrument.end_date and instrument.end_date < today else None
        reported = None if ended_on else instrument.status_as_of
        result.ended.append(Ended(instrument, ended_on, reported, instrument.successor))
    return result
