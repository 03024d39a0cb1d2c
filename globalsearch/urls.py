from django.urls import path

from globalsearch import views

app_name = "globalsearch"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
]
