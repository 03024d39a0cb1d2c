"""How funding instruments, calls and projects take part in global search."""

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.fulltext import SearchSpec
from funding.models import Call, Instrument, Project


def _instrument_subtitle(instrument: Instrument) -> str:
    parts = [instrument.acronym, instrument.get_kind_display(), instrument.get_level_display()]
    return " · ".join(p for p in parts if p)


def _call_subtitle(call: Call) -> str:
    if call.deadline:
        return gettext("Deadline %(date)s") % {"date": formats.date_format(call.deadline, "j F Y")}
    return gettext("Call for proposals")


def _project_subtitle(project: Project) -> str:
    parts = [project.acronym]
    if project.start_date:
        parts.append(gettext("from %(year)s") % {"year": project.start_date.year})
    return " · ".join(p for p in parts if p) or gettext("Cooperation project")


INSTRUMENTS = SearchSpec(
    key="instruments",
    label=_("Funding instruments"),
    queryset=lambda user: Instrument.objects.only("pk", "slug", "name", "acronym", "kind", "level"),
    title="name",
    body=("description",),
    subtitle=_instrument_subtitle,
)

CALLS = SearchSpec(
    key="calls",
    label=_("Calls for proposals"),
    queryset=lambda user: Call.objects.only("pk", "slug", "title", "deadline"),
    title="title",
    body=("description",),
    subtitle=_call_subtitle,
)

PROJECTS = SearchSpec(
    key="projects",
    label=_("Projects"),
    queryset=lambda user: Project.objects.only("pk", "slug", "name", "acronym", "start_date"),
    title="name",
    body=("description",),
    subtitle=_project_subtitle,
)
