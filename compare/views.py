"""/compare/?o=<slug>&o=<slug>: two to four organisations side by side, the address being the
whole state (shareable), with its CSV (``format=csv``) and a form that adds an organisation by
its address or name (``add=...``) without JavaScript."""

import csv
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clusters.models import Organisation
from compare.table import MAX_ORGANISATIONS, MIN_ORGANISATIONS, comparison, organisations_for
from core.filtering.export import csv_cell

SHOWN_SLUG = 80  # an unknown slug is named in the message, cut to this length
CANDIDATES = 10


def compare_url(slugs) -> str:
    query = urlencode([("o", s) for s in slugs])
    return reverse("compare:compare") + (f"?{query}" if query else "")


def requested_slugs(request) -> tuple[list[str], bool]:
    """The ``o`` parameters, stripped, empty ones and repeats dropped, in their order; and
    whether that changed anything (then the page redirects to the clean address)."""
    raw = request.GET.getlist("o")
    slugs = list(dict.fromkeys(s.strip() for s in raw if s.strip()))
    return slugs, slugs != raw


def compare(request):
    slugs, changed = requested_slugs(request)
    text = request.GET.get("add", "").strip()
    if text:
        return add(request, slugs, text[:200])
    if changed:
        return redirect(compare_url(slugs))
    context = {"page_title": _("Compare organisations"), "slugs": slugs, "errors": []}
    if not slugs:
        return render(request, "compare/compare.html", context)
    organisations, status = checked(slugs, context)
    if status:
        return render(request, "compare/compare.html", context, status=status)
    table = comparison(organisations, request.user)
    if request.GET.get("format") == "csv":
        return csv_download(table)
    context.update(
        table=table,
        columns=[(o, compare_url([s for s in slugs if s != o.slug])) for o in table.organisations],
        csv_url=compare_url(slugs) + "&format=csv",
        full=len(slugs) >= MAX_ORGANISATIONS,
    )
    return render(request, "compare/compare.html", context)


def checked(slugs, context) -> tuple[list[Organisation], int]:
    """The organisations of ``slugs``, and 0; or, with its message put in ``context``, the status
    of what is wrong: more than four (400), an unknown address (404), fewer than two (400)."""
    if len(slugs) > MAX_ORGANISATIONS:
        context["errors"].append(
            _("Compare two to four organisations at a time; this address names %(count)s. Remove some below.")
            % {"count": len(slugs)}
        )
        context["removable"] = [(s[:SHOWN_SLUG], compare_url([x for x in slugs if x != s])) for s in slugs]
        return [], 400
    organisations = organisations_for(slugs)
    known = {o.slug for o in organisations}
    unknown = [s for s in slugs if s not in known]
    if unknown:
        context["errors"] += [
            _("No organisation has the address “%(slug)s”.") % {"slug": s[:SHOWN_SLUG]} for s in unknown
        ]
        context["removable"] = [(s[:SHOWN_SLUG], compare_url([x for x in slugs if x != s])) for s in unknown]
        return organisations, 404
    if len(organisations) < MIN_ORGANISATIONS:
        context["errors"].append(
            _("Add at least one more organisation to compare %(name)s with.") % {"name": organisations[0]}
        )
        return organisations, 400
    return organisations, 0


def add(request, slugs, text):
    """Add the organisation whose address is ``text``, or the one organisation whose name matches
    it (or the one whose whole name it is); several matches are offered as links, none is a 404
    naming the text."""
    context = {"page_title": _("Compare organisations"), "slugs": slugs, "errors": [], "added_text": text}
    if len(slugs) >= MAX_ORGANISATIONS:
        context["errors"].append(
            _("Four organisations is the most one table compares: remove one before adding another.")
        )
        return render(request, "compare/compare.html", context, status=400)
    exact = Organisation.objects.filter(slug=text).values_list("slug", flat=True).first()
    if exact:
        return redirect(compare_url([*slugs, exact]))
    candidates = list(
        Organisation.objects.search(text).exclude(slug__in=slugs).order_by("-search_rank", "name")[:CANDIDATES]
    )
    named = [c for c in candidates if c.name.casefold() == text.strip().casefold()]
    if len(candidates) == 1 or len(named) == 1:  # one match, or one whose whole name it is
        return redirect(compare_url([*slugs, (named or candidates)[0].slug]))
    if not candidates:
        context["errors"].append(_("No organisation matches “%(text)s”.") % {"text": text})
        return render(request, "compare/compare.html", context, status=404)
    context["candidates"] = [(c, compare_url([*slugs, c.slug])) for c in candidates]
    context["notice"] = ngettext(
        "%(count)s organisation matches “%(text)s”: choose one.",
        "%(count)s organisations match “%(text)s”: choose one.",
        len(candidates),
    ) % {"count": len(candidates), "text": text}
    return render(request, "compare/compare.html", context)


def csv_download(table) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="comparison.csv"'
    writer = csv.writer(response)
    for line in table.csv_rows():
        writer.writerow([csv_cell(value) for value in line])
    return response
