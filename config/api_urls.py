"""The read-only JSON API under /api/: the records, the OpenAPI schema and its documentation page.

``/api/`` lists the endpoints; ``/api/schema/`` is the OpenAPI 3 schema; ``/api/docs/`` renders it
with Swagger UI (served from drf-spectacular-sidecar, its start-up script a separate file, so it
works offline and under the site's Content-Security-Policy)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from core.api import not_found
from core.registry import registry

app_name = "api"

router = DefaultRouter(use_regex_path=False)
router.include_format_suffixes = False  # one address per resource; JSON is the only format
# Every registered record type with an API viewset (core/registry.py), e.g. /api/organisations/.
for record_type in registry.record_types():
    if record_type.viewset is not None:
        router.register(record_type.key, record_type.viewset, basename=record_type.basename)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
    *router.urls,
    # Any other address under /api/ answers a JSON 404, never the site's HTML error page.
    re_path(r"^[\s\S]*/\Z", not_found),
]
