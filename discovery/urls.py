from django.urls import path

from discovery import views

app_name = "discovery"

urlpatterns = [
    path("discover/", views.DiscoverView.as_view(), name="discover"),
]
