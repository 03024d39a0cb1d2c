from django.urls import path

from freshness import stale

app_name = "freshness"

urlpatterns = [
    path("staff/stale/", stale.StaleRecordsView.as_view(), name="stale"),
]
