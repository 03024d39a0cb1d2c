"""From a report's text to a ``Proposal``: what intake suggests before the editor reviews it.

Nothing is written. The database is read for the organisations (through the identity resolver),
the projects and instruments the text names (one query each, matched here: there are a few
hundred), and the visits already on record that look like the same event.
"""

from __future__ import annotations

import calendar
import datetime
import re
import time

from django.db.models import Q
from django.utils.translation import gettext as _

from clusters.identity import LINK_SCORE, resolve
from core.models import DatePrecision
from core.text import fold
from funding.models import Instrument, Project
from intake.mentions import find_organisations
from intake.proposal import Candidate, Proposal, RecordProposal, SameEventProposal, StopProposal
from intake.text.dates import find_dates
from intake.text.figures import find_figures, participants_count
from intake.text.itinerary import find_itinerary
from intake.text.language import detect_language
from intake.text.places import find_places
from intake.text.titles import guess_title
from visits.models import Visit
from visits.querysets import involvement

MIN_RECORD_NAME = 3  # shorter names and acronyms match too many words
SAME_EVENT_BASE, SAME_EVENT_PER_LINK = 0.4, 0.2


def propose(text: str, *, source: str = "") -> Proposal:
    """Everything intake proposes for one report's text."""
    began = time.perf_counter()
    language = detect_language(text)
    dates = find_dates(text, language)
    places = find_places(text, language)
    projects = named_records(Project.objects.all(), text)
    instruments = named_records(Instrument.objects.all(), text)
    exclude = {fold(word) for record in projects + instruments for word in _record_names(record)}
    organisations = find_organisations(text, exclude=exclude)
    itinerary = find_itinerary(text, language, dates.start)
    link_hosts(itinerary, organisations)
    proposal = Proposal(
        text=text,
        language=language,
        title=guess_title(text),
        start_date=dates.start,
        end_date=dates.end,
        date_precision=dates.precision,
        year_inferred=dates.year_inferred,
        places=list(dict.fromkeys(place for place, _country in places)),
        countries=list(dict.fromkeys(country for _place, country in places if country)),
        participants_count=participants_count(text, language),
        organisations=organisations,
        projects=projects,
        instruments=instruments,
        itinerary=itinerary,
        findings=find_figures(text, language),
        source=source,
    )
    proposal.same_event = same_event(proposal)
    proposal.seconds = round(time.perf_counter() - began, 3)
    return proposal


def _record_names(record: RecordProposal) -> list[str]:
    return [record.mention] + [c.name for c in record.candidates]


def named_records(queryset, text: str) -> list[RecordProposal]:
    """The records of ``queryset`` (projects or instruments) whose name or acronym the text names,
    word-bounded and accent-folded, in the order the text first names them."""
    folded = fold(text)
    found = []
    for pk, slug, name, acronym in queryset.order_by().values_list("pk", "slug", "name", "acronym"):
        for written, reason in ((name, "name"), (acronym, "acronym")):
            if len(written) < MIN_RECORD_NAME:
                continue
            m = re.search(r"(?<!\w)" + re.escape(fold(written)) + r"(?!\w)", folded)
            if m:
                candidate = Candidate(slug=slug, name=name, score=1.0, reason=reason, pk=pk)
                found.append(
                    (
                        m.start(),
                        RecordProposal(mention=text[m.start() : m.end()], action="link", candidates=[candidate]),
                    )
                )
                break
    return [record for _position, record in sorted(found, key=lambda pair: pair[0])]


def link_hosts(itinerary: list[StopProposal], organisations) -> None:
    """Give each stop's host the record its organisation proposal links to, or the resolver's
    sure match."""
    by_mention = {}
    for org in organisations:
        if org.action == "link" and org.candidates:
            for written in (org.mention, org.name, org.acronym):
                if written:
                    by_mention[fold(written)] = org.candidates[0].slug
    for stop in itinerary:
        if not stop.host or stop.host_slug:
            continue
        slug = by_mention.get(fold(stop.host))
        if slug is None:
            matches = resolve(stop.host, country=stop.country, limit=1)
            slug = matches[0].organisation.slug if matches and matches[0].score >= LINK_SCORE else ""
        stop.host_slug = slug


def date_span(start: datetime.date, end: datetime.date | None, precision: str) -> tuple[datetime.date, datetime.date]:
    """The days a date at its precision may mean: "April 2013" is 1-30 April."""
    end = end or start
    if precision == DatePrecision.YEAR:
        return start.replace(month=1, day=1), end.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return start.replace(day=1), end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return start, end


def same_event(proposal: Proposal) -> list[SameEventProposal]:
    """Visits on record whose dates overlap the report's at their precision and that share a
    host, a delegation member, the organiser or the project with it; best first."""
    if proposal.start_date is None:
        return []
    first, last = date_span(proposal.start_date, proposal.end_date, proposal.date_precision)
    org_pks = {o.candidates[0].pk for o in proposal.organisations if o.action == "link" and o.candidates}
    project_pks = {c.pk for p in proposal.projects for c in p.candidates[:1]}
    if not org_pks and not project_pks:
        return []
    margin = datetime.timedelta(days=366)  # a visit known by its year starts on 1 January
    visits = (
        Visit.objects.filter(start_date__lte=last, start_date__gte=first - margin)
        .filter(involvement(list(org_pks)) | _project_condition(project_pks))
        .select_related("organiser", "project")
        .prefetch_related("hosts", "delegation")
    )
    out = []
    for visit in visits:
        v_first, v_last = date_span(visit.start_date, visit.end_date, visit.date_precision)
        if v_last < first or v_first > last:
            continue
        reasons = [_("dates overlap")] + _shared(visit, org_pks, project_pks)
        score = min(1.0, SAME_EVENT_BASE + SAME_EVENT_PER_LINK * max(1, len(reasons) - 1))
        out.append(SameEventProposal(slug=visit.slug, title=visit.title, score=round(score, 2), reasons=reasons))
    return sorted(out, key=lambda s: -s.score)


def _project_condition(project_pks) -> Q:
    return Q(project_id__in=project_pks) if project_pks else Q(pk__in=[])


def _shared(visit: Visit, org_pks: set[int], project_pks: set[int]) -> list[str]:
    reasons = [_("host: %(name)s") % {"name": o.name} for o in visit.hosts.all() if o.pk in org_pks]
    reasons += [_("delegation: %(name)s") % {"name": o.name} for o in visit.delegation.all() if o.pk in org_pks]
    if visit.organiser_id in org_pks:
        reasons.append(_("organiser: %(name)s") % {"name": visit.organiser.name})
    if visit.project_id in project_pks:
        reasons.append(_("project: %(name)s") % {"name": visit.project})
    return reasons or [_("an organisation of the report took part")]
