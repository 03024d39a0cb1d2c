from django.urls import include, path

from alerts import views

app_name = "alerts"

searches = [
    path("", views.searches, name="searches"),
    path("save/", views.save_search, name="search-save"),
    path("<int:pk>/", views.search_edit, name="search-edit"),
    path("<int:pk>/open/", views.search_open, name="search-open"),
    path("<int:pk>/delete/", views.search_delete, name="search-delete"),
]

urlpatterns = [
    path("me/searches/", include(searches)),
    path("me/following/", views.following, name="following"),
    path("me/following/<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("me/follow/<slug:slug>/", views.follow, name="follow"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
