from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from core.downloads import content_disposition, download_name
from core.filtering import FacetedListView
from core.filtering.export import joined
from visits.accounts import other_accounts
from visits.filtersets import VisitFilterSet
from visits.forms import ALLOWED_TYPES
from visits.models import Attachment, Visit


class VisitListView(FacetedListView):
    """Visits and events, faceted; drafts only for staff."""

    queryset = Visit.objects.for_list()
    filterset_class = VisitFilterSet
    template_name = "visits/visit_list.html"
    title = _("Visits and events")
    intro = _(
        "Delegation visits, study tours, workshops, conferences and fairs, with who met whom and what came of it."
    )
    empty_message = _("No visit or event matches these filters.")
    csv_filename = "visits.csv"
    sort_options = {
        "-date": (_("Newest"), ["-start_date", "title"]),
        "date": (_("Oldest"), ["start_date", "title"]),
        "title": (_("Title"), ["title"]),
    }
    csv_columns = [
        (_("Title"), "title"),
        (_("Kind"), "get_kind_display"),
        (_("Start"), "start_date"),
        (_("End"), "end_date"),
        (_("Date precision"), "date_precision"),
        (_("Venue"), "venue"),
        (_("City"), "city"),
        (_("Country"), lambda v: v.country.code),
        (_("Organiser"), "organiser"),
        (_("Hosts"), lambda v: joined(v.hosts.all())),
        (_("Delegation"), lambda v: joined(v.delegation.all())),
        (_("Project"), "project"),
        (_("Report language"), "language"),
        (_("Ecosystems"), lambda v: joined(v.ecosystems.all())),
        (_("Tags"), lambda v: joined(v.tags.all())),
        (_("Source"), "source_url"),
        (_("Page"), "get_absolute_url"),
    ]

    def get_queryset(self):
        # One row per event: another account is named on its first record's page.
        return super().get_queryset().events_visible_to(self.request.user)


class VisitDetailView(DetailView):
    """A visit or event: programme day by day, participants, findings, follow-ups and the report."""

    template_name = "visits/visit_detail.html"
    context_object_name = "visit"

    def get_queryset(self):
        return Visit.objects.visible_to(self.request.user).for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        # An outcome visit still in draft does not exist for non-staff: not linked, not even named.
        context["follow_ups"] = [
            {
                "follow_up": f,
                "show_outcome": f.outcome is not None and (user.is_staff or f.outcome.status == "published"),
            }
            for f in self.object.follow_ups.all()
        ]
        # The report stays in its own language; a reader of another language gets the English
        # summary too (an English report has no separate one).
        visit = self.object
        context["show_summary_en"] = bool(visit.summary_en) and visit.language not in ("en", get_language())
        context["other_accounts"] = other_accounts(visit, user)
        return context


INLINE_TYPES = {"image/png", "image/jpeg", "image/webp"}


def attachment(request, slug, pk):
    """A visit's file, under the same rule as its page: a draft's files are for staff only.
    Images open in the browser, everything else downloads; the browser may not second-guess
    the stored type. The type is the one detected from the content at upload, and the name the
    uploader's without its extensions plus that type's (``evil.pdf.html`` -> ``evil.pdf``); a
    type not on the accepted list downloads as bytes."""
    visit = get_object_or_404(Visit.objects.visible_to(request.user), slug=slug)
    item = get_object_or_404(Attachment, visit=visit, pk=pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing from storage.")) from None
    content_type = item.content_type if item.content_type in ALLOWED_TYPES else "application/octet-stream"
    name = download_name(item.original_name, ALLOWED_TYPES.get(content_type, "bin"), fallback=f"attachment-{item.pk}")
    response = FileResponse(handle, content_type=content_type)
    disposition = "inline" if content_type in INLINE_TYPES else "attachment"
    response["Content-Disposition"] = content_disposition(disposition, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
