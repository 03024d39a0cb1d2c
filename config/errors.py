"""The site's answer to an unexpected error: a 503 "try again shortly" page with Retry-After when
the database cannot be reached (server stopped, restarting, connection lost), else the 500 page.

Installed as ``handler500`` in ``config.urls``, so it covers a failure anywhere in a request (a
view, a template, a middleware reading the session), connecting included. Neither page needs the
database: they are plain templates without context processors. When the embedded PostgreSQL is
in use and its server is found stopped, it is started again (``config.embedded_db.revive``).
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as default_server_error

from config import embedded_db

RETRY_AFTER_SECONDS = 5


def database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, OperationalError | InterfaceError)


def server_error(request, template_name="500.html"):
    exception = sys.exc_info()[1]
    if not database_unavailable(exception):
        return default_server_error(request, template_name)
    # Drop broken connections now, so that the next request opens fresh ones.
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    if settings.EMBEDDED_DATABASE_DIR:
        embedded_db.revive(settings.EMBEDDED_DATABASE_DIR)
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
