from django.urls import path

from core.feeds import list_urls
from visits import feeds, views

app_name = "visits"

# The list's iCalendar feed: file, URL name, view.
upcoming = ("upcoming.ics", "upcoming-ics", feeds.UpcomingVisitsCalendar)

urlpatterns = [
    # Feed names contain a dot, so no visit slug can shadow them.
    *list_urls(app_name, "visits/", "visit", views.VisitListView, feeds.VisitFeed, calendar=upcoming),
    path("visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("visits/<slug:slug>/files/<int:pk>/", views.attachment, name="attachment"),
]
