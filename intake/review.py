"""The review page's lines: the editor's choices come back as one small form per line, each
naming a candidate by its position in the proposal signed into the page (``intake.signed``),
never by a record's id, and ``Review.edited()`` applies them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy
from django_countries import countries

from clusters.identity import reason_label
from clusters.models import Organisation
from core.languages import LANGUAGE_CHOICES
from core.models import DatePrecision
from intake.proposal import (
    Candidate,
    FindingProposal,
    OrganisationProposal,
    Proposal,
    RecordProposal,
    SameEventProposal,
    StopProposal,
)
from intake.saving import guess_kind
from intake.signed import sign
from visits.models import Finding, Visit

ROLES = [
    ("host", gettext_lazy("Host")),
    ("delegation", gettext_lazy("Delegation")),
    ("organiser", gettext_lazy("Organiser")),
    ("participant", gettext_lazy("Participant")),
    ("mentioned", gettext_lazy("Mentioned only")),
]
COUNTRY_CHOICES = [("", "—"), *countries]


# -- one form per line -----------------------------------------------------------------------


def candidate_label(candidate: Candidate) -> str:
    return gettext("Link to %(name)s — %(reason)s, score %(score)s") % {
        "name": candidate.name,
        "reason": reason_label(candidate.reason),
        "score": f"{candidate.score:.2f}",
    }


class VisitLineForm(forms.Form):
    title = forms.CharField(max_length=250, label=gettext_lazy("Title"))
    kind = forms.ChoiceField(choices=Visit.Kind.choices, label=gettext_lazy("Kind"))
    language = forms.ChoiceField(
        choices=[("", gettext_lazy("— choose —")), *LANGUAGE_CHOICES], label=gettext_lazy("Language")
    )
    start_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=gettext_lazy("Start date"))
    end_date = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=gettext_lazy("End date")
    )
    date_precision = forms.ChoiceField(choices=DatePrecision.choices, label=gettext_lazy("Date precision"))
    year_inferred = forms.BooleanField(required=False, label=gettext_lazy("Year inferred (the text does not state it)"))
    city = forms.CharField(max_length=120, required=False, label=gettext_lazy("City"))
    country = forms.ChoiceField(
        label=gettext_lazy("Country"),
        choices=COUNTRY_CHOICES,
        required=False,
        help_text=gettext_lazy("Empty: the hosts' country."),
    )
    participants_count = forms.IntegerField(min_value=0, required=False, label=gettext_lazy("Number of participants"))

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", gettext("The end cannot be before the start."))
        return data


class OrganisationLineForm(forms.Form):
    choice = forms.ChoiceField(label=gettext_lazy("Record"), widget=forms.RadioSelect)
    role = forms.ChoiceField(choices=ROLES, label=gettext_lazy("Role"))
    name = forms.CharField(max_length=200, required=False, label=gettext_lazy("New record's name"))
    acronym = forms.CharField(max_length=40, required=False, label=gettext_lazy("Acronym"))
    kind = forms.ChoiceField(
        choices=[("", "—"), *Organisation.Kind.choices], required=False, label=gettext_lazy("Kind")
    )
    country = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False, label=gettext_lazy("Country"))

    def __init__(self, *args, line: OrganisationProposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        links = [(f"link-{i}", candidate_label(c)) for i, c in enumerate(line.candidates)]
        self.fields["choice"].choices = [
            *links,
            ("create", gettext("Create a new record")),
            ("reject", gettext("Reject this line")),
        ]

    def clean(self):
        data = super().clean()
        if data.get("choice") == "create":
            if not (data.get("name") or "").strip():
                self.add_error("name", gettext("Give the new organisation a name."))
            if not data.get("kind"):
                self.add_error("kind", gettext("Choose what kind of organisation it is."))
        return data


class RecordLineForm(forms.Form):
    choice = forms.ChoiceField(label=gettext_lazy("Record"), widget=forms.RadioSelect)

    def __init__(self, *args, line: RecordProposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        links = [(f"link-{i}", candidate_label(c)) for i, c in enumerate(line.candidates)]
        self.fields["choice"].choices = [
            *links,
            ("reject", gettext("Do not link") if links else gettext("Not on record")),
        ]


class SameEventLineForm(forms.Form):
    accept = forms.BooleanField(required=False, label=gettext_lazy("This report is another account of that visit"))

    def __init__(self, *args, line: SameEventProposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line


class StopLineForm(forms.Form):
    keep = forms.BooleanField(required=False, label=gettext_lazy("Keep this stop"))
    day = forms.IntegerField(
        min_value=1,
        required=False,
        help_text=gettext_lazy("Empty when the text does not say."),
        label=gettext_lazy("Day"),
    )
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label=gettext_lazy("Date"))
    host = forms.ChoiceField(required=False, label=gettext_lazy("Host"))
    place = forms.CharField(max_length=200, required=False, label=gettext_lazy("Place"))
    country = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False, label=gettext_lazy("Country"))
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=gettext_lazy("Description")
    )

    def __init__(self, *args, line: StopProposal, hosts: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.fields["host"].choices = [("", gettext("— no host —")), *hosts]


class FindingLineForm(forms.Form):
    keep = forms.BooleanField(required=False, label=gettext_lazy("Keep this finding"))
    label = forms.CharField(max_length=200, required=False, label=gettext_lazy("What the figure measures"))
    value = forms.DecimalField(max_digits=16, decimal_places=2, required=False, label=gettext_lazy("Value"))
    unit = forms.ChoiceField(choices=[("", "—"), *Finding.Unit.choices], required=False, label=gettext_lazy("Unit"))

    def __init__(self, *args, line: FindingProposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line

    def clean(self):
        data = super().clean()
        if data.get("keep") and (data.get("value") is None) != (not data.get("unit")):
            self.add_error("unit", "A figure needs both a value and a unit (or neither).")
        return data


# -- the page --------------------------------------------------------------------------------


class Review:
    """Every line form of one proposal, bound to the editor's answers when there are any."""

    def __init__(self, proposal: Proposal, data=None):
        self.proposal = p = proposal
        self.token = sign(proposal)
        self.visit = VisitLineForm(data, prefix="visit", initial=self.visit_initial())
        self.organisations = [
            OrganisationLineForm(data, prefix=f"org-{i}", line=line, initial=self.organisation_initial(line))
            for i, line in enumerate(p.organisations)
        ]
        host_choices = [(f"org-{i}", line.name or line.mention) for i, line in enumerate(p.organisations)]
        self.projects = [self.record_form(data, "project", i, line) for i, line in enumerate(p.projects)]
        self.instruments = [self.record_form(data, "instrument", i, line) for i, line in enumerate(p.instruments)]
        self.same_event = [
            SameEventLineForm(data, prefix=f"same-{i}", line=line, initial={"accept": i == 0 and line.score >= 0.6})
            for i, line in enumerate(p.same_event)
        ]
        self.stops = [
            StopLineForm(data, prefix=f"stop-{i}", line=line, hosts=host_choices, initial=self.stop_initial(line))
            for i, line in enumerate(p.itinerary)
        ]
        self.findings = [
            FindingLineForm(
                data,
                prefix=f"finding-{i}",
                line=line,
                initial={"keep": True, "label": line.label, "value": line.value, "unit": line.unit},
            )
            for i, line in enumerate(p.findings)
        ]
        self.errors: list[str] = []

    def all_forms(self):
        return [
            self.visit,
            *self.organisations,
            *self.projects,
            *self.instruments,
            *self.same_event,
            *self.stops,
            *self.findings,
        ]

    def is_valid(self) -> bool:
        checked = [form.is_valid() for form in self.all_forms()]  # every form, so every error shows
        valid = all(checked)
        if valid and sum(form.cleaned_data["accept"] for form in self.same_event) > 1:
            self.errors.append(
                gettext("A report can be another account of one visit only: accept one same-event line.")
            )
        for form in self.stops:
            host = form.cleaned_data.get("host") if form.is_valid() else ""
            if form.is_valid() and form.cleaned_data["keep"] and host:
                line_form = self.organisations[int(host.removeprefix("org-"))]
                if line_form.is_valid() and line_form.cleaned_data["choice"] == "reject":
                    form.add_error("host", gettext("This host's organisation line is rejected."))
                    valid = False
        return valid and not self.errors

    def lines_with_errors(self) -> list[tuple[str, str]]:
        """(anchor, label) of every line the editor must correct, for the list atop the page."""
        out = []
        for form in self.all_forms():
            if not (form.is_bound and form.errors):
                continue
            line = getattr(form, "line", None)
            name = getattr(line, "mention", "") or getattr(line, "sentence", "") or getattr(line, "title", "")
            if form.prefix == "visit":
                label = gettext("the visit's dates, title or language")
            elif form.prefix.startswith("stop-"):
                label = gettext("itinerary stop %(number)s") % {"number": int(form.prefix.removeprefix("stop-")) + 1}
            else:
                label = f"“{Truncator(name).chars(70)}”"
            out.append((form.prefix, label))
        return out

    def creates_organisations(self) -> bool:
        return any(form.cleaned_data.get("choice") == "create" for form in self.organisations)

    # -- initial values ------------------------------------------------------------------------

    def visit_initial(self) -> dict:
        p = self.proposal
        # The country the stops are in; left empty otherwise, for save_draft to take the hosts'.
        stops = Counter(s.country for s in p.itinerary if s.country).most_common(1)
        country = stops[0][0] if stops else ""
        return {
            "title": p.title,
            "kind": guess_kind(p.title),
            "language": p.language or "",
            "start_date": p.start_date,
            "end_date": p.end_date,
            "date_precision": p.date_precision or DatePrecision.DAY,
            "year_inferred": p.year_inferred,
            "city": "",
            "country": country,
            "participants_count": p.participants_count,
        }

    @staticmethod
    def organisation_initial(line: OrganisationProposal) -> dict:
        return {
            "choice": "link-0" if line.action == "link" and line.candidates else "create",
            "role": line.role if line.role in dict(ROLES) else "mentioned",
            "name": line.name or line.mention,
            "acronym": line.acronym,
            "kind": line.kind,
            "country": line.country,
        }

    def stop_initial(self, line: StopProposal) -> dict:
        host = ""
        for i, org in enumerate(self.proposal.organisations):
            slugs = {c.slug for c in org.candidates[:1]} if org.action == "link" else set()
            if (line.host_slug and line.host_slug in slugs) or (line.host and line.host in {org.mention, org.name}):
                host = f"org-{i}"
                break
        return {
            "keep": True,
            "day": line.day,
            "date": line.date,
            "host": host,
            "place": line.place,
            "country": line.country,
            "description": line.description,
        }

    @staticmethod
    def record_form(data, kind: str, index: int, line: RecordProposal) -> RecordLineForm:
        choice = "link-0" if line.action == "link" and line.candidates else "reject"
        return RecordLineForm(data, prefix=f"{kind}-{index}", line=line, initial={"choice": choice})

    # -- the answers ---------------------------------------------------------------------------

    def edited(self) -> tuple[Proposal, dict]:
        """The proposal as the editor left it, and the keyword arguments of ``save_draft``
        the proposal has no place for (kind, city, country). Call after ``is_valid()``."""
        v = self.visit.cleaned_data
        organisations = [self.edited_organisation(form) for form in self.organisations]
        proposal = dataclasses.replace(
            self.proposal,
            title=v["title"],
            language=v["language"],
            start_date=v["start_date"],
            end_date=v["end_date"],
            date_precision=v["date_precision"],
            year_inferred=v["year_inferred"],
            participants_count=v["participants_count"],
            organisations=organisations,
            projects=[self.edited_record(form) for form in self.projects],
            instruments=[self.edited_record(form) for form in self.instruments],
            same_event=[form.line for form in self.same_event if form.cleaned_data["accept"]],
            itinerary=[self.edited_stop(form, organisations) for form in self.stops if form.cleaned_data["keep"]],
            findings=[
                dataclasses.replace(
                    form.line,
                    label=form.cleaned_data["label"],
                    value=form.cleaned_data["value"],
                    unit=form.cleaned_data["unit"],
                )
                for form in self.findings
                if form.cleaned_data["keep"]
            ],
        )
        return proposal, {"kind": v["kind"], "city": v["city"], "country": v["country"]}

    @staticmethod
    def chosen(line, choice: str) -> list[Candidate]:
        index = int(choice.removeprefix("link-"))
        return [line.candidates[index], *(c for i, c in enumerate(line.candidates) if i != index)]

    def edited_organisation(self, form: OrganisationLineForm) -> OrganisationProposal:
        data, line = form.cleaned_data, form.line
        if data["choice"].startswith("link-"):
            return dataclasses.replace(
                line, role=data["role"], action="link", candidates=self.chosen(line, data["choice"])
            )
        if data["choice"] == "create":
            return dataclasses.replace(
                line,
                role=data["role"],
                action="create",
                name=data["name"].strip(),
                acronym=data["acronym"].strip(),
                kind=data["kind"],
                country=data["country"],
            )
        return dataclasses.replace(line, role=data["role"], action="reject")

    def edited_record(self, form: RecordLineForm) -> RecordProposal:
        choice = form.cleaned_data["choice"]
        if choice.startswith("link-"):
            return dataclasses.replace(form.line, action="link", candidates=self.chosen(form.line, choice))
        return dataclasses.replace(form.line, action="reject")

    @staticmethod
    def edited_stop(form: StopLineForm, organisations: list[OrganisationProposal]) -> StopProposal:
        data = form.cleaned_data
        host, host_slug = "", ""
        if data["host"]:
            line = organisations[int(data["host"].removeprefix("org-"))]
            host = line.mention
            host_slug = line.candidates[0].slug if line.action == "link" else ""
        return StopProposal(
            day=data["day"],
            date=data["date"],
            place=data["place"],
            country=data["country"],
            host=host,
            host_slug=host_slug,
            description=data["description"],
        )
