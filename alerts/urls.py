from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("me/searches/", views.searches, name="searches"),
    path("me/searches/save/", views.save_search, name="search-save"),
    path("me/searches/<int:pk>/", views.search_edit, name="search-edit"),
    path("me/searches/<int:pk>/open/", views.search_open, name="search-open"),
    path("me/searches/<int:pk>/delete/", views.search_delete, name="search-delete"),
    path("me/following/", views.following, name="following"),
    path("me/following/<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("me/follow/<slug:slug>/", views.follow, name="follow"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
