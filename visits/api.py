"""Visits and events in the read-only JSON API: ``/api/visits/`` with the visit list's filters.

Drafts are for staff only, as on the site: everyone else gets published visits, and a follow-up
whose outcome is a draft shows no outcome. A visit's files are listed only with the visit itself.
"""

from django.urls import reverse
from rest_framework import serializers

from core.api import (
    CountryCodeField,
    CountryListField,
    InstrumentLink,
    OrganisationLink,
    ProjectLink,
    RecordSerializer,
    RecordViewSet,
    VisitLink,
)
from visits.filtersets import VisitFilterSet
from visits.models import Attachment, Finding, FollowUp, ItineraryStop, Participant, Visit
from visits.querysets import delegation_countries


class FirstRecordLink(VisitLink):
    """The first record of the event a visit is another account of; null while that record is
    a draft (except for staff), as on the site."""

    def get_attribute(self, instance):
        first = instance.account_of
        if first is None:
            return None
        request = self.context.get("request")
        if first.status != Visit.Status.PUBLISHED and not (request and request.user.is_staff):
            return None
        return first


class VisitSerializer(RecordSerializer):
    """A visit or event as listed: when, where, who organised, hosted and travelled, under which project."""

    country = CountryCodeField()
    organiser = OrganisationLink(read_only=True, allow_null=True)
    hosts = OrganisationLink(source="hosts.all", many=True, read_only=True)
    delegation = OrganisationLink(source="delegation.all", many=True, read_only=True)
    delegation_countries = serializers.SerializerMethodField(
        help_text="Countries the delegation came from: its members' and those of delegates listed as "
        "participants, counted groups included (ISO 3166-1 alpha-2 codes, sorted)."
    )
    project = ProjectLink(read_only=True, allow_null=True)
    account_of = FirstRecordLink(
        read_only=True,
        allow_null=True,
        help_text="The first record of the event this visit is another account of; null for a first record.",
    )

    class Meta:
        model = Visit
        fields = [
            *RecordSerializer.Meta.fields,
            "title",
            "kind",
            "status",
            "start_date",
            "end_date",
            "date_precision",
            "date_note",
            "venue",
            "city",
            "region",
            "country",
            "organiser",
            "hosts",
            "delegation",
            "delegation_countries",
            "project",
            "account_of",
            "language",
            "summary_en",
            "ecosystems",
            "tags",
            "published_at",
        ]

    def get_delegation_countries(self, visit) -> list[str]:
        return delegation_countries(visit)


class ItineraryStopSerializer(serializers.ModelSerializer):
    host = OrganisationLink(read_only=True, allow_null=True)
    country = CountryCodeField()

    class Meta:
        model = ItineraryStop
        fields = ["day", "date", "position", "host", "place", "country", "description"]


class ParticipantSerializer(serializers.ModelSerializer):
    organisation = OrganisationLink(read_only=True, allow_null=True)
    country = CountryCodeField()

    class Meta:
        model = Participant
        fields = ["role", "organisation", "person_name", "position", "group", "count", "country"]


class FindingSerializer(serializers.ModelSerializer):
    subject = OrganisationLink(read_only=True, allow_null=True)

    class Meta:
        model = Finding
        fields = ["position", "text", "subject", "figure_label", "value", "unit", "is_approximate"]


class PublishedOutcomeLink(VisitLink):
    """The visit that carried a follow-up out; null while that visit is a draft (except for staff)."""

    def get_attribute(self, instance):
        outcome = instance.outcome
        if outcome is None:
            return None
        request = self.context.get("request")
        if outcome.status != Visit.Status.PUBLISHED and not (request and request.user.is_staff):
            return None
        return outcome


class FollowUpSerializer(serializers.ModelSerializer):
    owner = OrganisationLink(read_only=True, allow_null=True)
    outcome = PublishedOutcomeLink(read_only=True, allow_null=True)

    class Meta:
        model = FollowUp
        fields = ["action", "owner", "due_date", "due_precision", "status", "outcome"]


class AttachmentSerializer(serializers.ModelSerializer):
    file_url = serializers.SerializerMethodField(help_text="Where to download the file.")

    class Meta:
        model = Attachment
        fields = ["title", "kind", "original_name", "content_type", "size", "file_url"]

    def get_file_url(self, attachment) -> str:
        path = reverse("visits:attachment", kwargs={"slug": attachment.visit.slug, "pk": attachment.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class VisitDetailSerializer(VisitSerializer):
    """A visit or event with its report, programme day by day, participants, findings, follow-ups and files."""

    participant_countries = CountryListField()
    stops = ItineraryStopSerializer(many=True, read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    findings = FindingSerializer(many=True, read_only=True)
    follow_ups = FollowUpSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)
    instruments = InstrumentLink(
        source="instruments.all", many=True, read_only=True, help_text="Funding instruments the visit used."
    )

    class Meta(VisitSerializer.Meta):
        fields = [
            *VisitSerializer.Meta.fields,
            "purpose",
            "summary",
            "report",
            "source_citation",
            "source_url",
            "source_date",
            "participants_count",
            "participant_countries",
            "instruments",
            "stops",
            "participants",
            "findings",
            "follow_ups",
            "attachments",
        ]


class VisitViewSet(RecordViewSet):
    """Visits and events. Anonymous and signed-in clients see published ones; staff see drafts too."""

    queryset = Visit.objects.for_list().select_related("account_of").with_delegates()
    filterset_class = VisitFilterSet
    serializer_class = VisitSerializer
    detail_serializer_class = VisitDetailSerializer

    def get_list_queryset(self):
        return Visit.objects.for_list().select_related("account_of").with_delegates().visible_to(self.request.user)

    def get_detail_queryset(self):
        return Visit.objects.visible_to(self.request.user).for_detail()
