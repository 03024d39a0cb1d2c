from django.urls import path

from insights import country_views, views

app_name = "insights"

urlpatterns = [
    path("map/", views.MapView.as_view(), name="map"),
    path("map/europe/", views.MapView.as_view(view="europe"), name="map-europe"),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("network.json", views.NetworkDataView.as_view(), name="network-data"),
    path("countries/", country_views.CountryIndexView.as_view(), name="countries"),
    path("countries/<str:code>/", country_views.CountryView.as_view(), name="country"),
    path("countries/<str:code>/visits.csv", country_views.CountryView.as_view(csv_table=True), name="country-csv"),
    path("countries/<str:code>/with/<str:other>/", country_views.CountryPairView.as_view(), name="country-pair"),
    path(
        "countries/<str:code>/with/<str:other>/visits.csv",
        country_views.CountryPairView.as_view(csv_table=True),
        name="country-pair-csv",
    ),
]
