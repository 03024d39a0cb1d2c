"""Mounted under /admin/intake/ (config/urls.py), before the admin's own catch-all."""

from django.contrib import admin
from django.urls import path

from intake import views

app_name = "intake"
urlpatterns = [
    path("", admin.site.admin_view(views.StartView.as_view()), name="start"),
    path("review/", admin.site.admin_view(views.ReviewView.as_view()), name="review"),
]
