"""The weights of "Who to meet" (``discovery.suggest``). A suggestion's score is the sum of the
points of its reasons; each reason has a weight and counts its evidence up to a cap:

==============  ======  ===  ==========================================================
reason          weight  cap  evidence
==============  ======  ===  ==========================================================
via             4       3    partners of its partners: the intermediaries, named
instrument      3       2    funding instruments of its projects that funded theirs
ecosystem       2       3    industrial ecosystems both are classed in
tag             2       3    technologies and topics both are tagged with
target          2       1    it seeks partners in their country
targeted        1       1    they seek partners in its country
country         1       1    they are in its country (cooperation often starts at home)
partner_country 1       1    they are in a country where it has partners already
label           1       1    they hold a current label (ESCA Gold 1.5, Silver 1, others 0.5)
recent          1       1    their last visit or project: 1 this year, 0 ten years ago
==============  ======  ===  ==========================================================
"""

from django.utils.translation import gettext_lazy as _

from clusters.models import Label

WEIGHTS = {
    "via": 4.0,
    "instrument": 3.0,
    "ecosystem": 2.0,
    "tag": 2.0,
    "target": 2.0,
    "targeted": 1.0,
    "country": 1.0,
    "partner_country": 1.0,
    "label": 1.0,
    "recent": 1.0,
}
CAPS = {"via": 3, "instrument": 2, "ecosystem": 3, "tag": 3}
LABEL_POINTS = {Label.Kind.ESCA_GOLD: 1.5, Label.Kind.ESCA_SILVER: 1.0}
OTHER_LABEL_POINTS = 0.5
RECENT_YEARS = 10
SHORTLIST = 100

# What each reason is, for the page's "How the score is made".
REASON_LABELS = {
    "via": _("Partner of one of its partners, per intermediary"),
    "instrument": _("Funded by an instrument that funded its projects, per instrument"),
    "ecosystem": _("Shared ecosystem, per ecosystem"),
    "tag": _("Shared topic, per topic"),
    "target": _("In a country it seeks partners in"),
    "targeted": _("Seeks partners in its country"),
    "country": _("In the same country"),
    "partner_country": _("In a country where it has partners"),
    "label": _("Current label (ESCA Gold 1.5, Silver 1, others 0.5)"),
    "recent": _("Recent activity (1 this year, 0 ten years ago or more)"),
}
