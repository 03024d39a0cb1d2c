"""Organisations in the read-only JSON API: ``/api/organisations/`` with the partner list's filters.

Contact details (address, e-mail, phone, fax, contact persons) are for readers, as on the profile
page (``core.roles.can_see_contacts``): every other client gets ``"contact": null``. Visits are
those the client may see.
"""

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clusters.filtersets import OrganisationFilterSet
from clusters.models import AlternativeName, ContactPerson, Label, Membership, Organisation
from core.api import (
    CountryCodeField,
    CountryListField,
    FilteredListField,
    InstrumentLink,
    OptionalEmailField,
    OrganisationLink,
    ProjectLink,
    RecordSerializer,
    RecordViewSet,
    VisitLink,
)
from core.roles import can_see_contacts


class OrganisationSerializer(RecordSerializer):
    """An organisation as listed: what it is, where, its size, and counts of published visits."""

    country = CountryCodeField()
    visits_hosted_count = serializers.IntegerField(read_only=True, help_text="Published visits it hosted.")
    visits_made_count = serializers.IntegerField(read_only=True, help_text="Published visits it made.")
    members_on_record = serializers.IntegerField(read_only=True, help_text="Members listed in this knowledge base.")
    visits_url = FilteredListField("api:visit-list", "organisation", help_text="Visits it took part in.")

    class Meta:
        model = Organisation
        fields = [
            *RecordSerializer.Meta.fields,
            *Organisation.IDENTITY_FIELDS,
            "website",
            "founded",
            "company_size",
            "members_count",
            "members_count_is_approximate",
            "members_count_as_of",
            "members_count_source",
            "members_on_record",
            "ecosystems",
            "tags",
            "visits_hosted_count",
            "visits_made_count",
            "visits_url",
        ]


class AlternativeNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = AlternativeName
        fields = ["name", "kind", "language"]


class LabelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Label
        fields = ["kind", "name", "awarded_on", "valid_until", "as_of", "source", "note"]


class MemberSerializer(serializers.ModelSerializer):
    """A member of this organisation, in a role."""

    organisation = OrganisationLink(source="member", read_only=True)

    class Meta:
        model = Membership
        fields = ["organisation", "role", "since", "note"]


class MemberOfSerializer(serializers.ModelSerializer):
    """An organisation this one belongs to, in a role."""

    organisation = OrganisationLink(source="group", read_only=True)

    class Meta:
        model = Membership
        fields = ["organisation", "role", "since", "note"]


class ProjectRoleSerializer(serializers.Serializer):
    project = ProjectLink(read_only=True)
    role = serializers.CharField(read_only=True)
    partner_code = serializers.CharField(read_only=True)


class ContactPersonSerializer(serializers.ModelSerializer):
    email = OptionalEmailField()

    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone"]


class ContactSerializer(serializers.Serializer):
    """How to reach the organisation: null for clients who may not see contacts (personal data;
    ``core.roles.can_see_contacts``: staff, Readers, verified addresses in listed domains)."""

    address = serializers.CharField(read_only=True)
    email = OptionalEmailField()
    phone = serializers.CharField(read_only=True)
    fax = serializers.CharField(read_only=True)
    people = ContactPersonSerializer(source="contacts.all", many=True, read_only=True)

    def get_attribute(self, instance):
        request = self.context.get("request")
        if request is None or not can_see_contacts(request.user):
            return None
        return super().get_attribute(instance)


class OrganisationDetailSerializer(OrganisationSerializer):
    """An organisation's profile: facts, names, labels, memberships both ways, the visits the
    client may see, instruments it manages, projects, and (for readers) contact details."""

    target_countries = CountryListField(help_text="Countries it seeks cooperation with.")
    alternative_names = AlternativeNameSerializer(many=True, read_only=True)
    labels = LabelSerializer(many=True, read_only=True)
    members = MemberSerializer(source="member_links", many=True, read_only=True)
    member_of = MemberOfSerializer(source="membership_links", many=True, read_only=True)
    visits_hosted = VisitLink(many=True, read_only=True)
    visits_made = VisitLink(many=True, read_only=True)
    visits = serializers.SerializerMethodField(
        help_text="Every visit or event it took part in (host, delegation, stop host, participant, organiser)."
    )
    managed_instruments = InstrumentLink(many=True, read_only=True)
    projects = ProjectRoleSerializer(source="project_links", many=True, read_only=True)
    contact = ContactSerializer(source="*", read_only=True, allow_null=True)

    class Meta(OrganisationSerializer.Meta):
        fields = [
            *OrganisationSerializer.Meta.fields,
            "description",
            "member_countries_count",
            "members_small_pct",
            "members_medium_pct",
            "members_large_pct",
            "members_research_pct",
            "public_funding_pct",
            "public_funding_as_of",
            "public_funding_source",
            "national_programme",
            "interest_topics",
            "target_countries",
            "alternative_names",
            "labels",
            "members",
            "member_of",
            "visits_hosted",
            "visits_made",
            "visits",
            "managed_instruments",
            "projects",
            "contact",
        ]

    @extend_schema_field(VisitLink(many=True))
    def get_visits(self, organisation) -> list:
        """The participation rule's visits the client may see, oldest first; one query."""
        request = self.context.get("request")
        user = request.user if request else AnonymousUser()
        visits = Organisation.organised_visits.field.model.objects.events_visible_to(user).involving(
            organisation, drafts=user.is_staff
        )
        field = VisitLink(many=True, read_only=True)
        field.bind("visits", self)
        return field.to_representation(visits.order_by("start_date", "pk"))


class OrganisationViewSet(RecordViewSet):
    """Organisations of every kind: clusters, poles, networks, companies, institutes, agencies,
    authorities, associations and financial bodies. Filters are those of the partner list."""

    queryset = Organisation.objects.for_list()
    filterset_class = OrganisationFilterSet
    serializer_class = OrganisationSerializer
    detail_serializer_class = OrganisationDetailSerializer

    def get_detail_queryset(self):
        # The profile page's read path (``for_profile``) and what the API lists besides.
        return Organisation.objects.for_list().for_detail(self.request.user)
