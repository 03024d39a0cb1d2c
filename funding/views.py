from django.db.models import F
from django.views.generic import DetailView

from core.filtering import FacetedListView
from funding.filtersets import CallFilterSet, InstrumentFilterSet, ProjectFilterSet
from funding.models import Call, Instrument, Project


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


def _countries(field) -> str:
    return " ".join(c.code for c in field)


class FundingListView(FacetedListView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.intro, **kwargs)


class InstrumentListView(FundingListView):
    queryset = Instrument.objects.for_list()
    filterset_class = InstrumentFilterSet
    template_name = "funding/instrument_list.html"
    title = "Funding instruments"
    intro = "Grants, loans and other instruments that pay for cluster cooperation, who may apply and at what rate."
    empty_message = "No funding instrument matches these filters."
    csv_filename = "funding-instruments.csv"
    sort_options = {
        "name": ("Name", ["name"]),
        "-budget": ("Budget (largest)", [F("budget").desc(nulls_last=True), "name"]),
        "-start": ("Newest", [F("start_date").desc(nulls_last=True), "name"]),
    }
    csv_columns = [
        ("Name", "name"),
        ("Acronym", "acronym"),
        ("Kind", "get_kind_display"),
        ("Level", "get_level_display"),
        ("Status", "get_status_display"),
        ("Managing body", "managing_body"),
        ("Eligible countries", lambda i: _countries(i.eligible_countries) or "any"),
        ("Beneficiary types", lambda i: _join(i.eligibilities.all())),
        ("Co-funding rate (%)", "co_funding_rate"),
        ("Budget", "budget"),
        ("Currency", "currency"),
        ("Open call", lambda i: "yes" if i.has_open_call else "no"),
        ("Calls", "calls_count"),
        ("Projects", "projects_count"),
        ("Tags", lambda i: _join(i.tags.all())),
        ("Page", "get_absolute_url"),
    ]


class CallListView(FundingListView):
    queryset = Call.objects.for_list()
    filterset_class = CallFilterSet
    template_name = "funding/call_list.html"
    title = "Calls for proposals"
    intro = "Calls under the funding instruments: forthcoming, open and closed, as of today."
    empty_message = "No call matches these filters."
    csv_filename = "funding-calls.csv"
    sort_options = {
        "deadline": ("Deadline (soonest)", [F("deadline").asc(nulls_last=True), "title"]),
        "-deadline": ("Deadline (latest)", [F("deadline").desc(nulls_last=True), "title"]),
        "title": ("Title", ["title"]),
    }
    csv_columns = [
        ("Title", "title"),
        ("Instrument", "instrument"),
        ("Status", "call_status"),
        ("Opens", "opens_on"),
        ("Deadline", "deadline"),
        ("Budget", "budget"),
        ("Currency", "currency"),
        ("Proposals received", "proposals_received"),
        ("Page", "get_absolute_url"),
    ]


class ProjectListView(FundingListView):
    queryset = Project.objects.for_list()
    filterset_class = ProjectFilterSet
    template_name = "funding/project_list.html"
    title = "Funded projects"
    intro = "Cooperation projects, the instruments that funded them and their partners."
    empty_message = "No project matches these filters."
    csv_filename = "funding-projects.csv"
    sort_options = {
        "name": ("Name", ["name"]),
        "-start": ("Newest", [F("start_date").desc(nulls_last=True), "name"]),
    }
    csv_columns = [
        ("Name", "name"),
        ("Acronym", "acronym"),
        ("Instrument", "instrument"),
        ("Start", "start_date"),
        ("End", "end_date"),
        ("Partner countries", lambda p: _countries(p.partner_countries)),
        ("Partners on record", "partners_on_record"),
        ("Budget", "budget"),
        ("Currency", "currency"),
        ("Tags", lambda p: _join(p.tags.all())),
        ("Page", "get_absolute_url"),
    ]


class InstrumentDetailView(DetailView):
    template_name = "funding/instrument_detail.html"
    context_object_name = "instrument"
    queryset = Instrument.objects.for_detail()


class CallDetailView(DetailView):
    template_name = "funding/call_detail.html"
    context_object_name = "call"
    queryset = Call.objects.for_detail()


class ProjectDetailView(DetailView):
    template_name = "funding/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.for_detail(self.request.user)
