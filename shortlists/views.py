"""A reader's shortlists (/me/shortlists/...), the "Add to shortlist" button of lists and
profiles, and the read-only share link anyone may open (/shortlists/shared/<token>/)."""

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from clusters.models import Organisation
from core.filtering.export import csv_cell
from shortlists.forms import AddForm, NoteForm, ShortlistForm
from shortlists.models import Entry, Shortlist, new_share_token
from shortlists.services import ShortlistError, add_organisation, create_shortlist

COMPARE_MIN, COMPARE_MAX = 2, 4


def own(request, pk) -> Shortlist:
    """One of the reader's shortlists; anyone else's is a 404, as if it did not exist."""
    return get_object_or_404(Shortlist, pk=pk, user=request.user)


def entries_of(shortlist):
    return shortlist.entries.select_related("organisation").order_by("organisation__sort_name", "pk")


def compare_url(entries) -> str:
    """The comparison of the list's organisations, when it has two to four."""
    if not COMPARE_MIN <= len(entries) <= COMPARE_MAX:
        return ""
    return reverse("compare:compare") + "?" + urlencode([("o", e.organisation.slug) for e in entries])


def page_context(shortlist) -> dict:
    """A shortlist's page, its owner's or the shared one: its organisations (one query) and the
    comparison of them when there are two to four."""
    entries = list(entries_of(shortlist))
    return {
        "page_title": shortlist.name,
        "shortlist": shortlist,
        "entries": entries,
        "compare_url": compare_url(entries),
    }


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = ShortlistForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                shortlist = create_shortlist(user=request.user, name=form.cleaned_data["name"])
            except ShortlistError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Created “%(name)s”.") % {"name": shortlist.name})
                return redirect(shortlist)
        status = 400
    shortlists = Shortlist.objects.filter(user=request.user).with_counts()
    context = {"page_title": _("My shortlists"), "shortlists": shortlists, "form": form}
    return render(request, "shortlists/index.html", context, status=status)


@login_required
def detail(request, pk):
    shortlist = own(request, pk)
    share_url = request.build_absolute_uri(shortlist.share_url()) if shortlist.share_token else ""
    return render(request, "shortlists/detail.html", {**page_context(shortlist), "share_url": share_url})


@login_required
@require_POST
def rename(request, pk):
    shortlist = own(request, pk)
    form = ShortlistForm(request.POST, instance=shortlist)
    if not form.is_valid():
        shortlist.refresh_from_db()
        return render(
            request,
            "shortlists/error.html",
            {"page_title": _("Not renamed"), "form": form, "shortlist": shortlist},
            status=400,
        )
    form.save()
    messages.success(request, _("Renamed to “%(name)s”.") % {"name": shortlist.name})
    return redirect(shortlist)


@login_required
@require_POST
def delete(request, pk):
    shortlist = own(request, pk)
    shortlist.delete()
    messages.success(request, _("Deleted “%(name)s”.") % {"name": shortlist.name})
    return redirect("shortlists:index")


@login_required
@require_POST
def share(request, pk):
    """``action=share`` sets a new random token (a former link stops working); ``revoke`` removes it."""
    shortlist = own(request, pk)
    if request.POST.get("action") == "revoke":
        shortlist.share_token = None
        messages.success(request, _("The share link no longer opens “%(name)s”.") % {"name": shortlist.name})
    else:
        shortlist.share_token = new_share_token()
        messages.success(request, _("Anyone with the link below can now read “%(name)s”.") % {"name": shortlist.name})
    shortlist.save(update_fields=["share_token", "updated_at"])
    return redirect(shortlist)


@login_required
@require_POST
def add(request):
    form = AddForm(request.POST)
    if not form.is_valid():
        return render(request, "shortlists/error.html", {"page_title": _("Not added"), "form": form}, status=400)
    data = form.cleaned_data
    organisation = Organisation.objects.filter(slug=data["organisation"]).first()
    if organisation is None:
        form.add_error(
            "organisation", _("No organisation has the address “%(slug)s”.") % {"slug": data["organisation"]}
        )
        return render(request, "shortlists/error.html", {"page_title": _("Not added"), "form": form}, status=400)
    shortlist = own(request, data["shortlist"]) if data["shortlist"] is not None else None
    try:
        shortlist, added = add_organisation(
            user=request.user, organisation=organisation, shortlist=shortlist, name=data["name"]
        )
    except ShortlistError as error:
        form.add_error(None, str(error))
        return render(request, "shortlists/error.html", {"page_title": _("Not added"), "form": form}, status=400)
    names = {"organisation": organisation, "name": shortlist.name}
    if added:
        messages.success(request, _("Added %(organisation)s to “%(name)s”.") % names)
    else:
        messages.info(request, _("%(organisation)s is on “%(name)s” already.") % names)
    target = data["next"]
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = organisation.get_absolute_url()
    return redirect(target)


@login_required
@require_POST
def note(request, pk):
    entry = get_object_or_404(
        Entry.objects.select_related("shortlist", "organisation"), pk=pk, shortlist__user=request.user
    )
    form = NoteForm(request.POST, instance=entry)
    if not form.is_valid():
        context = {"page_title": _("Note not saved"), "form": form, "shortlist": entry.shortlist}
        return render(request, "shortlists/error.html", context, status=400)
    form.save()
    entry.shortlist.save(update_fields=["updated_at"])
    messages.success(request, _("Saved the note on %(organisation)s.") % {"organisation": entry.organisation})
    return redirect(entry.shortlist)


@login_required
@require_POST
def remove(request, pk):
    entry = get_object_or_404(
        Entry.objects.select_related("shortlist", "organisation"), pk=pk, shortlist__user=request.user
    )
    entry.delete()
    entry.shortlist.save(update_fields=["updated_at"])
    messages.success(request, _("Removed %(organisation)s.") % {"organisation": entry.organisation})
    return redirect(entry.shortlist)


@login_required
def download(request, pk):
    shortlist = own(request, pk)
    return csv_download(request, shortlist, entries_of(shortlist))


def shared_list(token) -> Shortlist:
    """The shortlist a share link opens; a revoked, replaced or tampered token is a 404."""
    if not token or len(token) > 64:
        raise Http404
    return get_object_or_404(Shortlist, share_token=token)


@never_cache  # a revoked link must stop at once; shortlists do not bump the data version
def shared(request, token):
    """The read-only view of a shared shortlist: its name, organisations and notes; no owner, no
    contact details, no forms."""
    shortlist = shared_list(token)
    response = render(request, "shortlists/shared.html", {**page_context(shortlist), "read_only": True})
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def shared_download(request, token):
    shortlist = shared_list(token)
    return csv_download(request, shortlist, entries_of(shortlist))


CSV_HEADER = [
    (gettext_lazy("Organisation"), lambda e: str(e.organisation)),
    (gettext_lazy("Kind"), lambda e: e.organisation.get_kind_display()),
    (gettext_lazy("Country"), lambda e: e.organisation.country.name if e.organisation.country else ""),
    (gettext_lazy("City"), lambda e: e.organisation.city),
    (gettext_lazy("Note"), lambda e: e.note),
    (gettext_lazy("Added"), lambda e: e.added_at.date().isoformat()),
]


def csv_download(request, shortlist, entries) -> HttpResponse:
    """One row per organisation, as the page lists them, with its profile's address."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="shortlist.csv"'
    writer = csv.writer(response)
    writer.writerow([str(header) for header, _get in CSV_HEADER] + [_("Profile")])
    for entry in entries:
        values = [get(entry) for _header, get in CSV_HEADER]
        values.append(request.build_absolute_uri(entry.organisation.get_absolute_url()))
        writer.writerow([csv_cell(v) for v in values])
    return response
