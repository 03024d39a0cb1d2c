"""The admin's intake pages: step 1 reads a report (pasted or uploaded) and shows the review
page at once; the review page posts back here and, if every line holds, saves the draft and
opens it in the admin. Both sit behind the admin's sign-in (``admin_view`` in ``urls.py``) and
need the right to add visits."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core import signing
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from intake.forms import SourceForm
from intake.propose import propose
from intake.review import Review
from intake.saving import save_draft
from intake.signed import unsign


class IntakeAccess(PermissionRequiredMixin):
    permission_required = "visits.add_visit"
    raise_exception = True  # signed-in staff without the right: 403, not another sign-in

    def admin_context(self, **context):
        return {**admin.site.each_context(self.request), "title": _("Intake a report"), **context}

    def render_review(self, review: Review, status: int = 200) -> TemplateResponse:
        context = self.admin_context(review=review, title=_("Review the proposal"))
        return TemplateResponse(self.request, "admin/intake/review.html", context, status=status)


class StartView(IntakeAccess, FormView):
    template_name = "admin/intake/start.html"
    form_class = SourceForm

    def get_context_data(self, **kwargs):
        return self.admin_context(**super().get_context_data(**kwargs))

    def post(self, request, *args, **kwargs):
        try:
            request.POST  # noqa: B018 (parse now: a paste over DATA_UPLOAD_MAX_MEMORY_SIZE raises here)
        except RequestDataTooBig:
            form = self.get_form_class()()
            form.too_large = True
            limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
            message = _("The pasted text is larger than %(limit)s; paste one report at a time, or upload it as a file.")
            return self.form_invalid_with(form, message % {"limit": limit})
        return super().post(request, *args, **kwargs)

    def form_invalid_with(self, form, message: str):
        """The form again with a message of its own (an unbound form cannot take add_error)."""
        context = self.get_context_data(form=form, request_error=message)
        return self.render_to_response(context, status=413 if form.too_large else 400)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.too_large:
            response.status_code = 413
        return response

    def form_valid(self, form):
        data = form.cleaned_data
        proposal = propose(data["text"], source=data["source"])
        if data["language"]:
            proposal.language = data["language"]
        elif proposal.language is None:
            form.add_error(
                "language",
                _(
                    "Intake cannot tell which language this text is in (is it a report?). "
                    "Choose its language, or paste a longer passage."
                ),
            )
            return self.form_invalid(form)
        return self.render_review(Review(proposal))


class ReviewView(IntakeAccess, View):
    http_method_names = ["post"]

    def post(self, request):
        try:
            proposal = unsign(request.POST.get("proposal", ""))
        except signing.BadSignature:
            messages.error(request, _("This review expired or was altered; read the report again."))
            return redirect("intake:start")
        review = Review(proposal, request.POST)
        if not review.is_valid():
            messages.error(request, _("Some lines need a correction; nothing was saved."))
            return self.render_review(review, status=400)
        if review.creates_organisations() and not request.user.has_perm("clusters.add_organisation"):
            messages.error(request, _("You may not create organisations: link each line or reject it."))
            return self.render_review(review, status=403)
        edited, choices = review.edited()
        try:
            visit = save_draft(edited, user=request.user, **choices)
        except ValidationError as error:
            review.errors.extend(error.messages)
            messages.error(request, _("The draft could not be saved; nothing was saved."))
            return self.render_review(review, status=400)
        messages.success(
            request,
            format_html(
                _("Saved the draft “{}” with its links. Check it, add the English summary if needed, and publish."),
                visit,
            ),
        )
        if request.user.has_perm("visits.change_visit"):
            return redirect(reverse("admin:visits_visit_change", args=[visit.pk]))
        return redirect("admin:index")  # as the admin's own add page does without the right to change
