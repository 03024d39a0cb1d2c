"""How organisations take part in global search (globalsearch/search.py combines the apps)."""

from django.utils.translation import gettext_lazy as _

from clusters.models import Organisation
from core.countries import country_name
from core.fulltext import SearchSpec


def _subtitle(org: Organisation) -> str:
    parts = [org.acronym if org.acronym != org.name else "", org.get_kind_display(), org.city]
    if org.country:
        parts.append(country_name(org.country.code))
    return " · ".join(p for p in parts if p)


ORGANISATIONS = SearchSpec(
    key="organisations",
    label=_("Organisations"),
    queryset=lambda user: Organisation.objects.only("pk", "slug", "name", "acronym", "kind", "city", "country"),
    title="name",
    body=("description",),
    subtitle=_subtitle,
    list_view="clusters.views.OrganisationListView",
)
