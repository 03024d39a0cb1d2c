"""Bulk import and export of organisations through the admin (django-import-export); how rows
are matched, validated and related is core/importing.py's ``NaturalKeyResource``."""

from clusters.models import Organisation
from core.importing import NaturalKeyResource


class OrganisationResource(NaturalKeyResource):
    class Meta(NaturalKeyResource.Meta):
        model = Organisation
        fields = [
            "slug",
            "name",
            "acronym",
            "kind",
            "country",
            "region",
            "city",
            "address",
            "website",
            "email",
            "phone",
            "description",
            "founded",
            "company_size",
            "members_count",
            "national_programme",
            "ecosystems",
            "tags",
        ]
