"""Bulk import and export of instruments and calls through the admin (see core/importing.py)."""

from core.importing import NaturalKeyResource
from funding.models import Call, Instrument


class InstrumentResource(NaturalKeyResource):
    class Meta(NaturalKeyResource.Meta):
        model = Instrument
        fields = [
            "slug",
            *Instrument.SUMMARY_FIELDS,
            "managing_body",
            "parent",
            *Instrument.TERMS_FIELDS,
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
