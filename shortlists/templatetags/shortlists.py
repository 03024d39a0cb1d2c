"""The "Add to shortlist" button of an organisation's profile and of the partners list's cards.

The reader's shortlists and which organisations are on them are read once per request (two
queries), however many buttons the page shows."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.shortcuts import resolve_url

from shortlists.models import Entry, Shortlist

register = template.Library()


def _reader_lists(request):
    cached = getattr(request, "_shortlists", None)
    if cached is None:
        lists = list(Shortlist.objects.filter(user=request.user).only("pk", "name"))
        on = {}
        for org_id, pk in Entry.objects.filter(shortlist__user=request.user).values_list(
            "organisation_id", "shortlist_id"
        ):
            on.setdefault(org_id, []).append(pk)
        cached = request._shortlists = (lists, on)
    return cached


@register.inclusion_tag("shortlists/includes/shortlist_button.html", takes_context=True)
def shortlist_button(context, organisation, compact=False):
    """For a signed-in reader, a POST form (CSRF) adding ``organisation`` to one of their lists
    (``compact``: the most recent one, or a new one) and where it is already; for anyone else, a
    link to sign in and come back."""
    request = context.get("request")
    if request is None:
        return {"show": False}
    if not request.user.is_authenticated:
        sign_in = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
        return {"show": True, "sign_in_url": sign_in, "compact": compact}
    lists, on = _reader_lists(request)
    on_lists = [s for s in lists if s.pk in on.get(organisation.pk, ())]
    return {
        "show": True,
        "signed_in": True,
        "organisation": organisation,
        "lists": lists,
        "on_lists": on_lists,
        "compact": compact,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
