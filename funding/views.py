from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from core.filtering import FacetedListView
from core.filtering.export import joined
from funding.filtersets import CallFilterSet, InstrumentFilterSet, ProjectFilterSet
from funding.fit import FILTERS, FitForm, chips, funding_fit
from funding.models import Call, CallStatus, Instrument, Project
from funding.picture import funding_picture


def _countries(field) -> str:
    return " ".join(c.code for c in field)


BY_NAME = {"name": (_("Name"), ["name"])}
NEWEST = {"-start": (_("Newest"), [F("start_date").desc(nulls_last=True), "name"])}
NAME_COLUMNS = [(_("Name"), "name"), (_("Acronym"), "acronym")]
MONEY_COLUMNS = [(_("Budget"), "budget"), (_("Currency"), "currency")]
PAGE_COLUMN = (_("Page"), "get_absolute_url")


class FundingListView(FacetedListView):
    """The funding lists, with tabs between them."""

    tabs_label = _("Funding lists")
    tabs = [
        ("funding:instrument-list", _("Instruments")),
        ("funding:call-list", _("Calls for proposals")),
        ("funding:project-list", _("Funded projects")),
    ]


class InstrumentListView(FundingListView):
    queryset = Instrument.objects.for_list()
    filterset_class = InstrumentFilterSet
    template_name = "funding/instrument_list.html"
    title = _("Funding instruments")
    intro = _("Grants, loans and other instruments that pay for cluster cooperation, who may apply and at what rate.")
    empty_message = _("No funding instrument matches these filters.")
    csv_filename = "funding-instruments.csv"
    sort_options = {
        **BY_NAME,
        "-budget": (_("Budget (largest)"), [F("budget").desc(nulls_last=True), "name"]),
        **NEWEST,
    }
    csv_columns = [
        *NAME_COLUMNS,
        (_("Kind"), "get_kind_display"),
        (_("Level"), "get_level_display"),
        (_("Status"), "get_status_display"),
        (_("Status as of"), "status_as_of"),
        (_("Status source"), "status_source"),
        (_("Managing body"), "managing_body"),
        (_("Eligible countries"), lambda i: _countries(i.eligible_countries) or "not stated"),
        (_("Beneficiary types"), lambda i: joined(i.eligibilities.all())),
        (_("Co-funding rate (%)"), "co_funding_rate"),
        (_("Rate as of"), "rate_as_of"),
        *MONEY_COLUMNS,
        (_("Open call"), lambda i: "yes" if i.has_open_call else "no"),
        (_("Calls"), "calls_count"),
        (_("Projects"), "projects_count"),
        (_("Tags"), lambda i: joined(i.tags.all())),
        PAGE_COLUMN,
    ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(picture=funding_picture(), **kwargs)


class CallListView(FundingListView):
    queryset = Call.objects.for_list()
    filterset_class = CallFilterSet
    template_name = "funding/call_list.html"
    title = _("Calls for proposals")
    intro = _("Calls under the funding instruments: forthcoming, open and closed, as of today.")
    empty_message = _("No call matches these filters.")
    csv_filename = "funding-calls.csv"
    sort_options = {
        "deadline": (_("Deadline (soonest)"), [F("deadline").asc(nulls_last=True), "title"]),
        "-deadline": (_("Deadline (latest)"), [F("deadline").desc(nulls_last=True), "title"]),
        "title": (_("Title"), ["title"]),
    }
    csv_columns = [
        (_("Title"), "title"),
        (_("Instrument"), "instrument"),
        (_("Status"), lambda c: CallStatus(c.call_status).label),  # the label, in the reader's language
        (_("Opens"), "opens_on"),
        (_("Deadline"), "deadline"),
        *MONEY_COLUMNS,
        (_("Proposals received"), "proposals_received"),
        PAGE_COLUMN,
    ]


class ProjectListView(FundingListView):
    queryset = Project.objects.for_list()
    filterset_class = ProjectFilterSet
    template_name = "funding/project_list.html"
    title = _("Funded projects")
    intro = _("Cooperation projects, the instruments that funded them and their partners.")
    empty_message = _("No project matches these filters.")
    csv_filename = "funding-projects.csv"
    sort_options = {**BY_NAME, **NEWEST}
    csv_columns = [
        *NAME_COLUMNS,
        (_("Instrument"), "instrument"),
        (_("Start"), "start_date"),
        (_("End"), "end_date"),
        (_("Partner countries"), lambda p: _countries(p.partner_countries)),
        (_("Partners on record"), "partners_on_record"),
        *MONEY_COLUMNS,
        (_("Tags"), lambda p: joined(p.tags.all())),
        PAGE_COLUMN,
    ]


class InstrumentDetailView(DetailView):
    template_name = "funding/instrument_detail.html"
    context_object_name = "instrument"

    def get_queryset(self):
        return Instrument.objects.for_detail(self.request.user)


class CallDetailView(DetailView):
    template_name = "funding/call_detail.html"
    context_object_name = "call"
    queryset = Call.objects.for_detail()


class ProjectDetailView(DetailView):
    template_name = "funding/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.for_detail(self.request.user)


class FundingFitView(TemplateView):
    """What an applicant of one beneficiary type from one country may apply for (funding/fit.py).
    No filter at all: the form alone; a missing or unknown type or country: the form with its
    message, status 400."""

    template_name = "funding/fit.html"

    def get(self, request, *args, **kwargs):
        asked = any(key in request.GET for key in FILTERS)
        form = FitForm(request.GET if asked else None)
        context = self.get_context_data(form=form, page_title=_("Funding fit"))
        if not asked:
            return self.render_to_response(context)
        if not form.is_valid():
            return self.render_to_response(context, status=400)
        context.update(result=funding_fit(form.cleaned_data), title=_("Funding fit"), active_filters=chips(form))
        return self.render_to_response(context)
