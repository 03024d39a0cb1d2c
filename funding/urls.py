from django.urls import path

from funding import views

app_name = "funding"

# The fixed prefixes come before the instrument's catch-all slug.
urlpatterns = [
    path("funding/", views.InstrumentListView.as_view(), name="instrument-list"),
    path("funding/calls/", views.CallListView.as_view(), name="call-list"),
    path("funding/calls/<slug:slug>/", views.CallDetailView.as_view(), name="call-detail"),
    path("funding/projects/", views.ProjectListView.as_view(), name="project-list"),
    path("funding/projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("funding/<slug:slug>/", views.InstrumentDetailView.as_view(), name="instrument-detail"),
]
