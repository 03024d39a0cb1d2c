"""The "Add to shortlist" button of an organisation's profile and of the partners list's cards.

The reader's shortlists and which organisations are on them are read once per request (two
queries), however many buttons the page shows."""

from urllib.parse import quote, unquote, urlencode

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.shortcuts import resolve_url
from django.template.loader import render_to_string

from core import holes
from core.cache import reader_pk
from shortlists.models import Entry, Shortlist

register = template.Library()
TEMPLATE = "shortlists/includes/shortlist_button.html"


def _reader_lists(request):
    cached = getattr(request, "_shortlists", None)
    if cached is None:
        user_id = reader_pk(request)
        lists = list(Shortlist.objects.filter(user_id=user_id).only("pk", "name"))
        on = {}
        for org_id, pk in Entry.objects.filter(shortlist__user_id=user_id).values_list(
            "organisation_id", "shortlist_id"
        ):
            on.setdefault(org_id, []).append(pk)
        cached = request._shortlists = (lists, on)
    return cached


@register.simple_tag(takes_context=True)
def shortlist_button(context, organisation, compact=False):
    """For a signed-in reader, a POST form (CSRF) adding ``organisation`` to one of their lists
    (``compact``: the most recent one, or a new one) and where it is already: a personal hole of
    the cached page (core.holes), filled for each reader by ``fill_shortlist``; for anyone else,
    a link to sign in and come back."""
    request = context.get("request")
    if request is None:
        return ""
    if not request.user.is_authenticated:
        sign_in = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
        return render_to_string(TEMPLATE, {"show": True, "sign_in_url": sign_in, "compact": compact})
    arg = f"{organisation.pk}:{organisation.slug}:{int(bool(compact))}:{quote(str(organisation), safe='')}"
    return holes.personal("shortlist", arg, fill_shortlist(request, arg))


def fill_shortlist(request, arg: str) -> str:
    """The hole ``shortlist`` ("pk:slug:compact:quoted name") for the reader of ``request``; the
    reader's lists are read once per request (two queries), however many holes the page has."""
    pk, slug, compact, name = arg.split(":", 3)
    lists, on = _reader_lists(request)
    on_lists = [s for s in lists if s.pk in on.get(int(pk), ())]
    context = {
        "show": True,
        "signed_in": True,
        "organisation": {"pk": int(pk), "slug": slug, "name": unquote(name)},
        "lists": lists,
        "on_lists": on_lists,
        "compact": compact == "1",
        "next": request.get_full_path(),
        "csrf_token": get_token(request),
    }
    return render_to_string(TEMPLATE, context)
