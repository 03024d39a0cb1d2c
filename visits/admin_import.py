"""The admin page that imports visits from a JSON file: upload, read the dry run's report, confirm.

The confirmation does not trust the browser: the file checked by the dry run stays in the
session, and the confirmed import runs the whole check again on it before saving anything.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from visits.json_import import MAX_BYTES, import_visits
from visits.json_import.reading import size_refusal

SESSION_KEY = "visits_json_import"


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("JSON file"),
        help_text=format_lazy(gettext_lazy("At most {mb} MB."), mb=MAX_BYTES // 1024 // 1024),
    )


class VisitJsonImportMixin:
    """For ``VisitAdmin``: the "Import visits (JSON)" page, for staff who may add visits."""

    def get_urls(self):
        return [
            path("import-json/", self.admin_site.admin_view(self.import_json_view), name="visits_visit_import_json"),
            *super().get_urls(),
        ]

    def import_json_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "confirm" in request.POST:
            return self._confirm(request)
        if request.method != "POST":
            return self._render(request, ImportFileForm())
        form = ImportFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, form, status=400)
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            return self._render(request, form, errors=[size_refusal(upload.size)], status=400)
        data = upload.read()
        report = import_visits(data, dry_run=True)
        if not report.ok:
            return self._render(request, form, report=report, status=400)
        digest = hashlib.sha256(data).hexdigest()
        request.session[SESSION_KEY] = {"digest": digest, "name": upload.name, "text": data.decode("utf-8-sig")}
        return self._render(request, ImportFileForm(), report=report, digest=digest, filename=upload.name)

    def _confirm(self, request):
        kept = request.session.get(SESSION_KEY) or {}
        if not kept or request.POST.get("confirm") != kept.get("digest"):
            message = gettext(
                "The checked file is no longer at hand (checked in another tab, or too long ago): upload it again."
            )
            return self._render(request, ImportFileForm(), errors=[message], status=400)
        report = import_visits(kept["text"].encode(), dry_run=False)
        if not report.ok:
            # The records changed since the dry run (a visit added, an organisation renamed).
            return self._render(request, ImportFileForm(), report=report, status=400)
        del request.session[SESSION_KEY]
        self.message_user(request, f"{kept['name']}: {report.summary()}", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:visits_visit_changelist", current_app=self.admin_site.name))

    def _render(self, request, form, *, report=None, errors=(), status=200, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Import visits (JSON)"),
            "form": form,
            "report": report,
            "errors": [*errors, *(report.errors if report else [])],
            "max_mb": MAX_BYTES // 1024 // 1024,
            **context,
        }
        return TemplateResponse(request, "admin/visits/visit/import_json.html", context, status=status)
