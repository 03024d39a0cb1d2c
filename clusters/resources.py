"""Bulk import and export through the admin (django-import-export).

Rows are matched by slug, so re-importing an export updates records instead of duplicating
them; related records are written by slug too. Every row is validated like a form would
(``full_clean``: field validators and the model's constraints), the dry run shows row errors
and a diff, and the import itself is all or nothing.
"""

from import_export import fields, widgets

from clusters.models import Ecosystem, Organisation
from core.importing import NaturalKeyResource, tags_field


def ecosystems_field() -> fields.Field:
    return fields.Field(
        attribute="ecosystems", column_name="ecosystems", widget=widgets.ManyToManyWidget(Ecosystem, ",", "slug")
    )


class OrganisationResource(NaturalKeyResource):
    ecosystems = ecosystems_field()
    tags = tags_field()

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
            "members_count_as_of",
            "members_count_source",
            "national_programme",
            "ecosystems",
            "tags",
        ]
