"""The reasons of a suggestion, each with its evidence and its points (the weights are in
``discovery.suggest``), as readable text. Plain data, so that a suggestion list can be cached;
the text is made in the reader's language when shown."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries.fields import Country

from clusters.reference import ecosystem_name
from discovery.weights import CAPS, LABEL_POINTS, OTHER_LABEL_POINTS, RECENT_YEARS, WEIGHTS

ORGANISATION, INSTRUMENT, ECOSYSTEM = "o", "i", "e"
URL_NAMES = {ORGANISATION: "clusters:organisation-detail", INSTRUMENT: "funding:instrument-detail"}


@dataclass(frozen=True)
class Named:
    """An intermediary, instrument or ecosystem a reason names, with its page when it has one."""

    name: str
    acronym: str
    slug: str
    kind: str

    def __str__(self):
        if self.kind == ECOSYSTEM:
            return ecosystem_name(self.name)
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym != self.name else self.name

    @property
    def url(self) -> str:
        if self.kind == ECOSYSTEM:
            return f"{reverse('clusters:organisation-list')}?ecosystem={self.slug}"
        return reverse(URL_NAMES[self.kind], kwargs={"slug": self.slug})


@dataclass
class Reason:
    key: str
    points: float
    evidence: list = field(default_factory=list)  # ids to name (``resolve``), names, or one value
    names_kind: str | None = None

    def resolve(self, names: dict) -> None:
        """Ids of intermediaries, instruments and ecosystems made ``Named`` (read once for the list)."""
        if self.names_kind:
            self.evidence = [names[self.names_kind, pk] for pk in self.evidence if (self.names_kind, pk) in names]
            self.names_kind = None

    @property
    def linked(self) -> list:
        """The evidence that has a page (intermediaries, instruments, ecosystems)."""
        return [e for e in self.evidence if isinstance(e, Named)]

    @property
    def text(self) -> str:
        """What the reason says, without its evidence list (the template lists and links it)."""
        n = len(self.evidence)
        if self.key == "via":
            return ngettext("Partner of a partner", "Partner of %(n)s partners", n) % {"n": n}
        if self.key == "instrument":
            return ngettext("Funded by the same instrument", "Funded by the same %(n)s instruments", n) % {"n": n}
        if self.key == "ecosystem":
            return ngettext("Shares an ecosystem", "Shares %(n)s ecosystems", n) % {"n": n}
        if self.key == "tag":
            return ngettext("Shares a topic", "Shares %(n)s topics", n) % {"n": n} + ": " + ", ".join(self.evidence)
        if self.key == "target":
            return _("In a country sought as partner: %(country)s") % {"country": Country(self.evidence[0]).name}
        if self.key == "targeted":
            return _("Seeks partners in %(country)s") % {"country": Country(self.evidence[0]).name}
        if self.key == "country":
            return _("Also in %(country)s") % {"country": Country(self.evidence[0]).name}
        if self.key == "partner_country":
            return _("In %(country)s, where it has partners") % {"country": Country(self.evidence[0]).name}
        if self.key == "label":
            return _("Holds a current label")
        return _("Last active in %(year)s (visit or project)") % {"year": self.evidence[0]}


def counted(key: str, evidence, names_kind: str | None) -> Reason | None:
    evidence = list(evidence)
    if not evidence:
        return None
    return Reason(key, min(len(evidence), CAPS[key]) * WEIGHTS[key], evidence, names_kind)


def flag(key: str, present: bool, value: str) -> Reason | None:
    return Reason(key, WEIGHTS[key], [value]) if present else None


def label(labels: list) -> Reason | None:
    """Its current labels (shown with their as-of dates); the best one counts."""
    if not labels:
        return None
    best = max(LABEL_POINTS.get(item.kind, OTHER_LABEL_POINTS) for item in labels)
    return Reason("label", best * WEIGHTS["label"], list(labels))


def recent(year: int | None, this_year: int) -> Reason | None:
    if year is None:
        return None
    share = max(0.0, 1 - max(0, this_year - year) / RECENT_YEARS)
    return Reason("recent", round(share * WEIGHTS["recent"], 2), [year]) if share else None
