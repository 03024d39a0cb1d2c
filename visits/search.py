"""How visits and events take part in global search: each report stemmed in its own language,
drafts only for staff."""

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clusters.models import Organisation
from core.countries import country_name
from core.fulltext import LanguageConfig, SearchSpec, SearchText, names_match
from core.languages import SEARCH_CONFIGS
from visits.models import Visit


def _subtitle(visit: Visit) -> str:
    parts = [visit.get_kind_display(), formats.date_format(visit.start_date, "F Y"), visit.city]
    if visit.country:
        parts.append(country_name(visit.country.code))
    if visit.language != "en":
        parts.append(gettext("report in %(language)s") % {"language": visit.get_language_display()})
    if visit.status == Visit.Status.DRAFT:
        parts.append(gettext("draft"))
    return " · ".join(p for p in parts if p)


# A query naming more organisations than this is a common word of names ("cluster"), not a
# party: expanded to their visits it matched nearly every visit (3 s at 20,000 visits).
MAX_PARTIES = 50


def _by_parties(text: SearchText) -> Q | None:
    """Visits whose hosts, delegation or organiser the query names (name, acronym or another
    name of the organisation), when it names at most ``MAX_PARTIES`` organisations."""
    named = list(Organisation.objects.filter(names_match(text)).values_list("pk", flat=True)[: MAX_PARTIES + 1])
    if not named or len(named) > MAX_PARTIES:
        return None
    return (
        Q(pk__in=Visit.hosts.through.objects.filter(organisation__in=named).values("visit_id"))
        | Q(pk__in=Visit.delegation.through.objects.filter(organisation__in=named).values("visit_id"))
        | Q(organiser__in=named)
    )


VISITS = SearchSpec(
    key="visits",
    label=_("Visits and events"),
    queryset=lambda user: Visit.objects.visible_to(user).only(
        "pk", "slug", "title", "kind", "status", "start_date", "city", "country", "language"
    ),
    title="title",
    body=("summary", "summary_en", "purpose", "report"),
    config=LanguageConfig("language", SEARCH_CONFIGS),
    title_config=LanguageConfig("language", SEARCH_CONFIGS),
    subtitle=_subtitle,
    also=_by_parties,
    list_view="visits.views.VisitListView",
)
