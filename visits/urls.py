from django.urls import path

from visits import feeds, views

app_name = "visits"

urlpatterns = [
    path(
        "visits/",
        views.VisitListView.as_view(feed_url_name="visits:visit-feed", ical_url_name="visits:upcoming-ics"),
        name="visit-list",
    ),
    # Feed names contain a dot, so no visit slug can shadow them.
    path("visits/feed.atom", feeds.VisitFeed(), name="visit-feed"),
    path("visits/upcoming.ics", feeds.UpcomingVisitsCalendar.as_view(), name="upcoming-ics"),
    path("visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("visits/<slug:slug>/files/<int:pk>/", views.attachment, name="attachment"),
]
