"""Bulk import and export of instruments and calls through the admin (see core/importing.py)."""

from core.importing import NaturalKeyResource
from funding.models import Call, Instrument


class InstrumentResource(NaturalKeyResource):
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
