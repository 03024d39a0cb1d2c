from django.urls import path

from core.feeds import list_urls
from funding import feeds, views

app_name = "funding"

# The list's iCalendar feed: file, URL name, view.
deadlines = ("deadlines.ics", "deadlines-ics", feeds.CallDeadlinesCalendar)

# The fixed prefixes come before the instrument's catch-all slug.
urlpatterns = [
    *list_urls(app_name, "funding/", "instrument", views.InstrumentListView, feeds.InstrumentFeed),
    *list_urls(app_name, "funding/calls/", "call", views.CallListView, feeds.CallFeed, calendar=deadlines),
    path("funding/fit/", views.FundingFitView.as_view(), name="fit"),
    path("funding/calls/<slug:slug>/", views.CallDetailView.as_view(), name="call-detail"),
    *list_urls(app_name, "funding/projects/", "project", views.ProjectListView, feeds.ProjectFeed),
    path("funding/projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("funding/<slug:slug>/", views.InstrumentDetailView.as_view(), name="instrument-detail"),
]
