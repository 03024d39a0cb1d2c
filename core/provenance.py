"""How a dated claim reads: a status, a label's validity, a member count or a rate is only as
current as the source that states it.

The rule: a claim whose source is at most ``CURRENT_FOR`` old (365 days) is shown as current,
with its date ("Active (as of Oct 2026, per ...)"); an older one reads as history ("Active as of
Oct 2014, per ...") and never as a bare "Active" or "still valid"; a claim with no date reads
"not dated". A year is the span after which the sources of this field (programme periods, yearly
label audits, yearly membership counts) are usually out of date; a page read in 2026 must not
present a 2014 workshop's "Active" as today's.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

CURRENT_FOR = datetime.timedelta(days=365)


def is_current(as_of: datetime.date | None, *, today: datetime.date | None = None) -> bool:
    """Whether a claim stated on ``as_of`` may be shown as today's."""
    if as_of is None:
        return False
    today = today or timezone.localdate()
    return today - as_of <= CURRENT_FOR


@dataclass(frozen=True)
class Dated:
    """A claim with its date and source, as a page shows it."""

    claim: str
    as_of: datetime.date | None
    source: str = ""
    current: bool = False

    @property
    def dated(self) -> bool:
        return self.as_of is not None

    def when(self) -> str:
        """ "as of Oct 2014, per <source>" (or without the source when none is recorded)."""
        month = date_format(self.as_of, "M Y")
        if self.source:
            return _("as of %(month)s, per %(source)s") % {"month": month, "source": self.source}
        return _("as of %(month)s") % {"month": month}

    def __str__(self) -> str:
        if self.as_of is None:
            return _("%(claim)s (not dated)") % {"claim": self.claim}
        if self.current:
            return f"{self.claim} ({self.when()})"
        return f"{self.claim} {self.when()}"


def dated(claim, as_of: datetime.date | None, source: str = "", *, today: datetime.date | None = None) -> Dated:
    """``claim`` stated by ``source`` on ``as_of``: current or history by ``is_current``."""
    return Dated(str(claim), as_of, source, is_current(as_of, today=today))
