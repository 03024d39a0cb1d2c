"""The "Save this search" control of list pages and the search, and the "Follow" button of an
organisation's page."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from alerts import sources
from alerts.models import Follow
from core import holes
from core.cache import reader_pk

register = template.Library()


def _sign_in_url(request) -> str:
    return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"


@register.inclusion_tag("alerts/includes/save_search_form.html", takes_context=True)
def save_search_control(context):
    """For a signed-in reader, a form naming the search after its filters; for anyone else, a
    link to sign in and come back. Nothing on pages that cannot be saved."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    if request is None or not sources.saveable(view_name):
        return {"show": False}
    if not request.user.is_authenticated:
        return {"show": True, "sign_in_url": _sign_in_url(request)}
    if view_name == sources.GLOBAL_SEARCH:
        q = request.GET.get("q", "").strip()
        if not q:
            return {"show": False}
        name = _("Search: “%(query)s”") % {"query": q[:150]}
    else:
        chips = [f"{c['title']}: {c['label']}" for c in context.get("active_filters", []) if not c["invalid"]]
        title = str(context.get("title", ""))
        name = f"{title} — {'; '.join(chips)}" if chips else title
    return {
        "show": True,
        "signed_in": True,
        "name": name[:200],
        "view_name": view_name,
        "query": sources.normalise_query(request.GET),
        "csrf_token": context.get("csrf_token"),
    }


FOLLOW_TEMPLATE = "alerts/includes/follow_button.html"


@register.simple_tag(takes_context=True)
def follow_button(context, organisation):
    """For a signed-in reader, Follow or Unfollow: a personal hole of the cached page (core.holes),
    filled for each reader by ``fill_follow``; for anyone else, a link to sign in."""
    request = context.get("request")
    if request is None:
        return ""
    if not request.user.is_authenticated:
        sign_in = {"show": True, "sign_in_url": _sign_in_url(request), "organisation": organisation}
        return render_to_string(FOLLOW_TEMPLATE, sign_in)
    arg = f"{organisation.pk}:{organisation.slug}"
    return holes.personal("follow", arg, _follow_html(request, organisation.pk, organisation.slug))


def fill_follow(request, arg: str) -> str:
    """The hole ``follow`` (an organisation's "pk:slug") for the reader of ``request``: one query."""
    pk, slug = arg.split(":", 1)
    return _follow_html(request, int(pk), slug)


def _follow_html(request, pk: int, slug: str) -> str:
    follow = Follow.objects.filter(user_id=reader_pk(request), organisation_id=pk).order_by("pk").only("pk").first()
    context = {"show": True, "signed_in": True, "organisation": {"slug": slug}, "follow": follow}
    return render_to_string(FOLLOW_TEMPLATE, {**context, "csrf_token": get_token(request)})
