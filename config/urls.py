from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Cluster Cooperation Knowledge Base"
admin.site.site_title = "CCKB admin"
admin.site.index_title = "Records"

# A database that cannot be reached is a 503 with Retry-After, not a 500 (config/errors.py).
handler500 = "config.errors.server_error"

# The apps whose pages sit at the site's root (each urls.py names its own paths), tried in this order.
ROOT_APPS = [
    "home",
    "globalsearch",
    "insights",
    "freshness",
    "ops",
    "alerts",
    "compare",
    "shortlists",
    "discovery",
    "clusters",
    "funding",
    "visits",
]

# No static() for MEDIA_URL, even in DEBUG: visit attachments are served only through
# visits:attachment, which refuses a draft's files to the public.
urlpatterns = [
    # Report intake lives in the admin's address space, behind its sign-in.
    path("admin/intake/", include("intake.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("config.api_urls")),
    # The language switcher posts here (django.views.i18n.set_language).
    path("i18n/", include("django.conf.urls.i18n")),
    # Reader accounts: the account page first, then django-allauth's sign-up, sign-in and e-mail pages.
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    *(path("", include(f"{app}.urls")) for app in ROOT_APPS),
]
