"""How funding instruments, calls and projects take part in global search."""

from clusters.fulltext import SearchSpec
from funding.models import Call, Instrument, Project


def _instrument_subtitle(instrument: Instrument) -> str:
    parts = [instrument.acronym, instrument.get_kind_display(), instrument.get_level_display()]
    return " · ".join(p for p in parts if p)


def _call_subtitle(call: Call) -> str:
    return f"Deadline {call.deadline:%d %B %Y}" if call.deadline else "Call for proposals"


def _project_subtitle(project: Project) -> str:
    parts = [project.acronym]
    if project.start_date:
        parts.append(f"from {project.start_date:%Y}")
    return " · ".join(p for p in parts if p) or "Cooperation project"


INSTRUMENTS = SearchSpec(
    key="instruments",
    label="Funding instruments",
    model=Instrument,
    queryset=lambda user: Instrument.objects.only("pk", "slug", "name", "acronym", "kind", "level"),
    title="name",
    body=("description",),
    detail_url="funding:instrument-detail",
    subtitle=_instrument_subtitle,
)

CALLS = SearchSpec(
    key="calls",
    label="Calls for proposals",
    model=Call,
    queryset=lambda user: Call.objects.only("pk", "slug", "title", "deadline"),
    title="title",
    body=("description",),
    detail_url="funding:call-detail",
    subtitle=_call_subtitle,
)

PROJECTS = SearchSpec(
    key="projects",
    label="Projects",
    model=Project,
    queryset=lambda user: Project.objects.only("pk", "slug", "name", "acronym", "start_date"),
    title="name",
    body=("description",),
    detail_url="funding:project-detail",
    subtitle=_project_subtitle,
)
