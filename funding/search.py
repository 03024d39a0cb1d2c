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


def _spec(key: str, label, model, *, title: str, subtitle, shown: tuple[str, ...], list_view: str) -> SearchSpec:
    """A funding record type in global search: anyone may find any of its rows, by its ``title`` field
    and its description; a hit fetches the title and the fields its ``subtitle`` shows."""
    return SearchSpec(
        key=key,
        label=label,
        queryset=lambda user: model.objects.only("pk", "slug", title, *shown),
        title=title,
        body=("description",),
        subtitle=subtitle,
        list_view=f"funding.views.{list_view}",
    )


INSTRUMENTS = _spec(
    "instruments",
    _("Funding instruments"),
    Instrument,
    title="name",
    subtitle=_instrument_subtitle,
    shown=("acronym", "kind", "level"),
    list_view="InstrumentListView",
)
CALLS = _spec(
    "calls",
    _("Calls for proposals"),
    Call,
    title="title",
    subtitle=_call_subtitle,
    shown=("deadline",),
    list_view="CallListView",
)
PROJECTS = _spec(
    "projects",
    _("Projects"),
    Project,
    title="name",
    subtitle=_project_subtitle,
    shown=("acronym", "start_date"),
    list_view="ProjectListView",
)
