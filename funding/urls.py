from django.urls import path

from funding import feeds, views

app_name = "funding"

# The fixed prefixes come before the instrument's catch-all slug.
urlpatterns = [
    path("funding/", views.InstrumentListView.as_view(feed_url_name="funding:instrument-feed"), name="instrument-list"),
    path("funding/feed.atom", feeds.InstrumentFeed(), name="instrument-feed"),
    path(
        "funding/calls/",
        views.CallListView.as_view(feed_url_name="funding:call-feed", ical_url_name="funding:deadlines-ics"),
        name="call-list",
    ),
    path("funding/calls/feed.atom", feeds.CallFeed(), name="call-feed"),
    path("funding/calls/deadlines.ics", feeds.CallDeadlinesCalendar.as_view(), name="deadlines-ics"),
    path("funding/calls/<slug:slug>/", views.CallDetailView.as_view(), name="call-detail"),
    path("funding/projects/", views.ProjectListView.as_view(feed_url_name="funding:project-feed"), name="project-list"),
    path("funding/projects/feed.atom", feeds.ProjectFeed(), name="project-feed"),
    path("funding/projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("funding/<slug:slug>/", views.InstrumentDetailView.as_view(), name="instrument-detail"),
]
