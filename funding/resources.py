"""Bulk import and export of instruments and calls (see clusters/resources.py)."""

from import_export import fields, widgets

from clusters.models import Organisation
from clusters.resources import ecosystems_field
from core.importing import NaturalKeyResource, tags_field
from funding.models import Call, Instrument


class InstrumentResource(NaturalKeyResource):
    managing_body = fields.Field(
        attribute="managing_body", column_name="managing_body", widget=widgets.ForeignKeyWidget(Organisation, "slug")
    )
    parent = fields.Field(attribute="parent", column_name="parent", widget=widgets.ForeignKeyWidget(Instrument, "slug"))
    ecosystems = ecosystems_field()
    tags = tags_field()

    class Meta(NaturalKeyResource.Meta):
        model = Instrument
        fields = [
            "slug",
            "name",
            "acronym",
            "kind",
            "level",
            "status",
            "status_as_of",
            "status_source",
            "managing_body",
            "parent",
            "co_funding_rate",
            "rate_as_of",
            "rate_source",
            "budget",
            "budget_is_approximate",
            "currency",
            "start_date",
            "end_date",
            "calls_per_year",
            "url",
            "description",
            "ecosystems",
            "tags",
        ]


class CallResource(NaturalKeyResource):
    instrument = fields.Field(
        attribute="instrument", column_name="instrument", widget=widgets.ForeignKeyWidget(Instrument, "slug")
    )
    tags = tags_field()

    class Meta(NaturalKeyResource.Meta):
        model = Call
        fields = [
            "slug",
            "title",
            "instrument",
            "number",
            "opens_on",
            "deadline",
            "budget",
            "currency",
            "proposals_received",
            "clusters_targeted",
            "url",
            "description",
            "tags",
        ]
