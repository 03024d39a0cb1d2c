"""A reader's saved searches and follows (/me/...), and the signed unsubscribe link of the e-mails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from alerts import sources
from alerts.forms import SavedSearchForm, SaveSearchForm
from alerts.models import Follow, Frequency, SavedSearch
from alerts.unsubscribe import BadToken, read_token, unsubscribe
from clusters.models import Organisation


def takes_reminders(search: SavedSearch) -> bool:
    """Deadline reminders are for lists of records with a deadline (the call list)."""
    found = sources.list_view_of(search.view_name)
    if found is None:
        return False
    model = found[0].filterset_class._meta.model
    return "deadline" in {f.name for f in model._meta.fields}


@login_required
@require_POST
def save_search(request):
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/save_error.html", {"form": form}, status=400)
    data = form.cleaned_data
    search = SavedSearch.objects.create(
        user=request.user,
        name=data["name"],
        view_name=data["view_name"],
        query=sources.normalise_query(QueryDict(data["query"])),
        language=getattr(request, "LANGUAGE_CODE", "en"),
    )
    messages.success(request, _("Saved “%(name)s” to your searches.") % {"name": search.name})
    return redirect("alerts:searches")


@login_required
def searches(request):
    """My searches: each with its link, the new matches since last opened, and whether its
    filters still hold."""
    rows = []
    for search in SavedSearch.objects.filter(user=request.user):
        found = sources.matches(search.view_name, search.query, request.user)
        new = 0
        for model, queryset in found.querysets:
            since = sources.new_since_field(model)
            new += queryset.filter(**{f"{since}__gt": search.last_seen_at}).count()
        rows.append({"search": search, "new": new, "errors": found.errors, "title": found.title})
    return render(request, "alerts/searches.html", {"page_title": _("My searches"), "rows": rows})


@login_required
def search_open(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    search.last_seen_at = timezone.now()
    search.save(update_fields=["last_seen_at"])
    return redirect(search.list_url())


@login_required
@require_http_methods(["GET", "POST"])
def search_edit(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    was = search.frequency
    reminders = takes_reminders(search)
    form = SavedSearchForm(request.POST or None, instance=search, reminders=reminders)
    if request.method == "POST":
        if form.is_valid():
            search = form.save(commit=False)
            if was == Frequency.NONE and search.frequency != Frequency.NONE:
                search.alerts_since = timezone.now()  # news from now on, not the back catalogue
            search.language = getattr(request, "LANGUAGE_CODE", search.language)
            search.save()
            messages.success(request, _("Saved your changes to “%(name)s”.") % {"name": search.name})
            return redirect("alerts:searches")
        search.refresh_from_db()
    status = 400 if form.errors else 200
    return render(request, "alerts/search_edit.html", {"search": search, "form": form}, status=status)


@login_required
@require_POST
def search_delete(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    search.delete()
    messages.success(request, _("Deleted “%(name)s”.") % {"name": search.name})
    return redirect("alerts:searches")


@login_required
def following(request):
    follows = Follow.objects.filter(user=request.user).select_related("organisation")
    return render(request, "alerts/following.html", {"page_title": _("Following"), "follows": follows})


@login_required
@require_POST
def follow(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    Follow.objects.get_or_create(
        user=request.user,
        organisation=organisation,
        defaults={"language": getattr(request, "LANGUAGE_CODE", "en")},
    )
    messages.success(request, _("You follow %(organisation)s.") % {"organisation": organisation})
    return redirect(organisation.get_absolute_url())


@login_required
@require_POST
def unfollow(request, pk):
    item = get_object_or_404(Follow.objects.select_related("organisation"), pk=pk, user=request.user)
    item.delete()
    messages.success(request, _("You no longer follow %(organisation)s.") % {"organisation": item.organisation})
    from_profile = request.POST.get("next") == "profile"
    return redirect(item.organisation.get_absolute_url() if from_profile else "alerts:following")


# No sign-in and no CSRF token: the signed link is the proof, and mail providers POST
# "List-Unsubscribe=One-Click" to it without a session (RFC 8058).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    try:
        kind, pk = read_token(token)
    except BadToken:
        return render(request, "alerts/unsubscribe.html", {"page_title": _("Unsubscribe"), "invalid": True}, status=400)
    if request.method == "POST":
        unsubscribe(kind, pk)
        return render(request, "alerts/unsubscribe.html", {"page_title": _("Unsubscribe"), "done": True, "kind": kind})
    return render(request, "alerts/unsubscribe.html", {"page_title": _("Unsubscribe"), "kind": kind, "token": token})
