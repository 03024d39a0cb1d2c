"""Funding in the read-only JSON API: ``/api/instruments/``, ``/api/calls/`` and ``/api/projects/``,
each with the filters of its list page. A call's ``status`` is computed from today, as on the site."""

from rest_framework import serializers

from core.api import (
    CallLink,
    CountryListField,
    FilteredListField,
    InstrumentLink,
    OptionalURLField,
    OrganisationLink,
    ProjectLink,
    RecordSerializer,
    RecordViewSet,
    VisitLink,
)
from funding.filtersets import CallFilterSet, InstrumentFilterSet, ProjectFilterSet
from funding.models import Call, CallStatus, Eligibility, Instrument, Project, ProjectPartner


class EligibilitySerializer(serializers.ModelSerializer):
    """A type of beneficiary the instrument funds; ``co_funding_rate`` null means the instrument's own."""

    class Meta:
        model = Eligibility
        fields = ["beneficiary_type", "co_funding_rate", "condition_kind", "condition", "note"]


class FundingRecordSerializer(RecordSerializer):
    """What instruments, calls and projects have alike besides: their website, the model's ``url``
    (``url`` being the API address)."""

    website = OptionalURLField(source="url")


class InstrumentSerializer(FundingRecordSerializer):
    """A funding instrument as listed: kind, level, who manages it, who may apply and at what rate."""

    managing_body = OrganisationLink(read_only=True, allow_null=True)
    eligible_countries = CountryListField(help_text="Empty: no source on record states which countries may apply.")
    status_current = serializers.BooleanField(
        source="dated_status.current",
        read_only=True,
        help_text="Whether the status's source is recent enough (a year) to be taken as today's; "
        "otherwise the status is history, as of status_as_of.",
    )
    eligibilities = EligibilitySerializer(source="eligibilities.all", many=True, read_only=True)
    has_open_call = serializers.BooleanField(read_only=True, help_text="A call is open today.")
    calls_count = serializers.IntegerField(read_only=True)
    projects_count = serializers.IntegerField(read_only=True)
    calls_url = FilteredListField("api:call-list", "instrument", help_text="Its calls.")
    projects_url = FilteredListField("api:project-list", "instrument", help_text="Projects it funded.")

    class Meta:
        model = Instrument
        fields = [
            *FundingRecordSerializer.Meta.fields,
            *Instrument.SUMMARY_FIELDS,
            "status_current",
            "managing_body",
            "eligible_countries",
            "eligibilities",
            *Instrument.TERMS_FIELDS,
            "website",
            "tags",
            "has_open_call",
            "calls_count",
            "projects_count",
            "calls_url",
            "projects_url",
        ]


class InstrumentDetailSerializer(InstrumentSerializer):
    """A funding instrument with its programme family, calls and funded projects."""

    parent = InstrumentLink(read_only=True, allow_null=True, help_text="Its parent programme.")
    children = InstrumentLink(source="children.all", many=True, read_only=True)
    successor = InstrumentLink(read_only=True, allow_null=True)
    predecessors = InstrumentLink(source="predecessors.all", many=True, read_only=True)
    bilateral_partner_countries = CountryListField()
    calls = CallLink(source="calls.all", many=True, read_only=True)
    projects = ProjectLink(source="projects.all", many=True, read_only=True)
    programme_projects = ProjectLink(
        source="programme_projects.all",
        many=True,
        read_only=True,
        help_text="Projects that ran under it as their programme.",
    )
    visits = VisitLink(
        source="visits.all", many=True, read_only=True, help_text="Visits that used it (that the client may see)."
    )

    class Meta(InstrumentSerializer.Meta):
        fields = [
            *InstrumentSerializer.Meta.fields,
            "description",
            "parent",
            "children",
            "successor",
            "predecessors",
            "bilateral_partner_countries",
            "calls_per_year",
            "eligible_activities",
            "ecosystems",
            "calls",
            "projects",
            "programme_projects",
            "visits",
        ]


class CallSerializer(FundingRecordSerializer):
    """A call for proposals under an instrument, with its dates and its status today."""

    instrument = InstrumentLink(read_only=True)
    status = serializers.ChoiceField(
        source="call_status", choices=CallStatus.choices, read_only=True, help_text="As of today."
    )

    class Meta:
        model = Call
        fields = [
            *FundingRecordSerializer.Meta.fields,
            "title",
            "instrument",
            "number",
            "status",
            "opens_on",
            "deadline",
            "budget",
            "currency",
            "proposals_received",
            "clusters_targeted",
            "website",
            "tags",
        ]


class CallDetailSerializer(CallSerializer):
    class Meta(CallSerializer.Meta):
        fields = [*CallSerializer.Meta.fields, "description"]


class PartnerSerializer(serializers.ModelSerializer):
    """An organisation's part in the project."""

    organisation = OrganisationLink(read_only=True)

    class Meta:
        model = ProjectPartner
        fields = ["organisation", "role", "partner_code", "responsibility"]


class ProjectSerializer(FundingRecordSerializer):
    """A cooperation project as listed: who funded it, when, partner countries and budget."""

    instrument = InstrumentLink(
        read_only=True, allow_null=True, help_text="The specific instrument or call that funded it."
    )
    programme = InstrumentLink(read_only=True, allow_null=True, help_text="The programme it ran under.")
    funder = OrganisationLink(read_only=True, allow_null=True, help_text="The organisation that paid for it.")
    partner_countries = CountryListField(help_text="Countries of its partners, including partners not on record.")
    partners_on_record = serializers.IntegerField(read_only=True)

    class Meta:
        model = Project
        fields = [
            *FundingRecordSerializer.Meta.fields,
            "name",
            "acronym",
            "instrument",
            "programme",
            "funder",
            "start_date",
            "end_date",
            "date_precision",
            "partner_countries",
            "partners_count",
            "partners_on_record",
            "budget",
            "currency",
            "website",
            "tags",
        ]


class ProjectDetailSerializer(ProjectSerializer):
    """A project with its partners and the visits (that the client may see) held under it."""

    partners = PartnerSerializer(source="partner_links.all", many=True, read_only=True)
    visits = VisitLink(source="visits.all", many=True, read_only=True)
    labelled_by = OrganisationLink(
        source="labelled_by.all", many=True, read_only=True, help_text="The poles of competitiveness that labelled it."
    )

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "description", "ecosystems", "labelled_by", "partners", "visits"]


class InstrumentViewSet(RecordViewSet):
    """Funding instruments: grants, loans, guarantees, vouchers and other programmes."""

    queryset = Instrument.objects.for_list()
    filterset_class = InstrumentFilterSet
    serializer_class = InstrumentSerializer
    detail_serializer_class = InstrumentDetailSerializer

    def get_detail_queryset(self):
        return Instrument.objects.for_list().for_detail(self.request.user)


class CallViewSet(RecordViewSet):
    """Calls for proposals, forthcoming, open or closed as of today."""

    queryset = Call.objects.for_list()
    filterset_class = CallFilterSet
    serializer_class = CallSerializer
    detail_serializer_class = CallDetailSerializer

    def get_detail_queryset(self):
        return Call.objects.for_detail()


class ProjectViewSet(RecordViewSet):
    """Cooperation projects and their partners."""

    queryset = Project.objects.for_list()
    filterset_class = ProjectFilterSet
    serializer_class = ProjectSerializer
    detail_serializer_class = ProjectDetailSerializer

    def get_detail_queryset(self):
        return Project.objects.for_list().for_detail(self.request.user)
