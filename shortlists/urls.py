from django.urls import include, path

from shortlists import views

app_name = "shortlists"

mine = [
    path("", views.index, name="index"),
    path("add/", views.add, name="add"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rename/", views.rename, name="rename"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/share/", views.share, name="share"),
    path("<int:pk>/shortlist.csv", views.download, name="csv"),
    path("entries/<int:pk>/note/", views.note, name="note"),
    path("entries/<int:pk>/remove/", views.remove, name="remove"),
]

urlpatterns = [
    path("me/shortlists/", include(mine)),
    path("shortlists/shared/<str:token>/", views.shared, name="shared"),
    path("shortlists/shared/<str:token>/shortlist.csv", views.shared_download, name="shared-csv"),
]
