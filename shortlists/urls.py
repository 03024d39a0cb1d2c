from django.urls import path

from shortlists import views

app_name = "shortlists"

urlpatterns = [
    path("me/shortlists/", views.index, name="index"),
    path("me/shortlists/add/", views.add, name="add"),
    path("me/shortlists/<int:pk>/", views.detail, name="detail"),
    path("me/shortlists/<int:pk>/rename/", views.rename, name="rename"),
    path("me/shortlists/<int:pk>/delete/", views.delete, name="delete"),
    path("me/shortlists/<int:pk>/share/", views.share, name="share"),
    path("me/shortlists/<int:pk>/shortlist.csv", views.download, name="csv"),
    path("me/shortlists/entries/<int:pk>/note/", views.note, name="note"),
    path("me/shortlists/entries/<int:pk>/remove/", views.remove, name="remove"),
    path("shortlists/shared/<str:token>/", views.shared, name="shared"),
    path("shortlists/shared/<str:token>/shortlist.csv", views.shared_download, name="shared-csv"),
]
