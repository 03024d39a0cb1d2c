"""Organisations of every kind, in one table, with what describes and connects them.

Every other app points here: a host, a delegation member, a managing body and a project partner
are all rows of ``Organisation``. The models live in the modules of this package and are imported
from here: ``clusters.models.Organisation``.
"""

from clusters.models.describing import AlternativeName, ContactPerson, Label, Membership
from clusters.models.ecosystem import Ecosystem
from clusters.models.organisation import Organisation, OrganisationEcosystemLink
from clusters.models.querysets import LabelQuerySet, OrganisationQuerySet

__all__ = [
    "AlternativeName",
    "ContactPerson",
    "Ecosystem",
    "Label",
    "LabelQuerySet",
    "Membership",
    "Organisation",
    "OrganisationEcosystemLink",
    "OrganisationQuerySet",
]
