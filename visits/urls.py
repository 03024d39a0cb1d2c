from django.urls import path

from visits import views

app_name = "visits"

urlpatterns = [
    path("visits/", views.VisitListView.as_view(), name="visit-list"),
    path("visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("visits/<slug:slug>/files/<int:pk>/", views.attachment, name="attachment"),
]
