from django.urls import path

from insights import views

app_name = "insights"

urlpatterns = [
    path("map/", views.MapView.as_view(), name="map"),
    path("map/europe/", views.MapView.as_view(view="europe"), name="map-europe"),
    path("network/", views.NetworkView.as_view(), name="network"),
]
