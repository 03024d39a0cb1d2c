"""The account page, the personal data download and account deletion. Sign-up, sign-in, sign-out,
password and e-mail changes are django-allauth's views, in the site's templates
(templates/allauth/layouts/base.html)."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from accounts.forms import DeleteAccountForm
from accounts.personal_data import everything
from accounts.services import StaffAccountError, delete_account
from core.roles import contacts_reason, reader_email_domain


@method_decorator(never_cache, name="dispatch")
class ProfileView(LoginRequiredMixin, TemplateView):
    """What kind of user this is (and why), the e-mail addresses, and the links to manage them."""

    template_name = "accounts/profile.html"
    extra_context = {"page_title": gettext_lazy("Your account")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        addresses = list(EmailAddress.objects.filter(user=user).order_by("-primary", "email"))
        reason = contacts_reason(user)
        context.update(
            addresses=addresses,
            reason=reason,
            reader_domains=settings.READER_EMAIL_DOMAINS,
            reader_domain=next(
                (d for a in addresses if a.verified and (d := reader_email_domain(a.email))),
                None,
            ),
            unverified_reader_address=next(
                (a for a in addresses if not a.verified and reader_email_domain(a.email)), None
            ),
        )
        return context


@require_GET
@login_required
@never_cache
def data_download(request):
    """Everything the site holds about the signed-in user, as one JSON file."""
    response = JsonResponse(everything(request.user), encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@method_decorator(never_cache, name="dispatch")
class DeleteAccountView(LoginRequiredMixin, View):
    """A confirmation page that asks for the password; the POST deletes the account and signs out."""

    template_name = "accounts/delete.html"
    http_method_names = ["get", "post", "head", "options"]

    def render(self, form, status=200):
        return render(self.request, self.template_name, {"form": form, "form_attrs": {"form": form}}, status=status)

    def get(self, request):
        return self.render(DeleteAccountForm(user=request.user))

    def post(self, request):
        form = DeleteAccountForm(request.POST, user=request.user)
        if request.user.is_staff or request.user.is_superuser:
            return self.render(form, status=403)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            delete_account(user=request.user)
        except StaffAccountError:  # pragma: no cover (refused above)
            return self.render(form, status=403)
        logout(request)
        messages.success(request, _("Your account and everything it held have been deleted."))
        return redirect("home:home")
