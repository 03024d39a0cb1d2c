"""URLs for the error-page test: the real ones plus a view that fails."""

from django.urls import path

from config.urls import urlpatterns as real_urlpatterns


def broken_view(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = [path("deliberately-broken/", broken_view), *real_urlpatterns]
