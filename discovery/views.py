from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from clusters.models import Organisation
from discovery.forms import DiscoverFilterForm
from discovery.suggest import suggest
from discovery.weights import CAPS, REASON_LABELS, WEIGHTS

TOP = 30


class DiscoverView(TemplateView):
    """/discover/?for=<slug>: the ``TOP`` partner suggestions for an organisation, with their
    reasons and score breakdown, filtered by country and kind. An unknown or missing
    organisation is a 404 or 400 page that says so; an unknown country or kind a 400."""

    template_name = "discovery/discover.html"

    def get(self, request, *args, **kwargs):
        slug = request.GET.get("for", "").strip()
        form = DiscoverFilterForm(request.GET)
        context = {"form": form, "page_title": _("Who to meet"), "slug": slug[:200], "top": TOP}
        if not slug:
            context["errors"] = [_("Say whom to suggest partners for: /discover/?for=<organisation address>.")]
            return self.render_to_response(context, status=400)
        org = Organisation.objects.filter(slug=slug).first()
        if org is None:
            context["not_found"] = True
            return self.render_to_response(context, status=404)
        context.update(organisation=org, page_title=_("Who to meet: %(name)s") % {"name": org.name})
        if not form.is_valid():
            context["errors"] = form.errors_as_messages()
            return self.render_to_response(context, status=400)
        countries, kinds = form.cleaned_data["country"], form.cleaned_data["kind"]
        context.update(
            suggestions=suggest(org, countries=countries, kinds=kinds, limit=TOP),
            filtered=bool(countries or kinds),
            weights=[(REASON_LABELS[key], WEIGHTS[key], CAPS.get(key, 1)) for key in WEIGHTS],
        )
        return self.render_to_response(context)
