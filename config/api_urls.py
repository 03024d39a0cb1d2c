"""The read-only JSON API under /api/: router, schema and documentation (filled in by the API work)."""

app_name = "api"

urlpatterns = []
