"""The real URLs and error handlers plus a view that fails for another reason than the database."""

from config.urls import handler500  # noqa: F401 - the handler under test
from tests.core.error_urls import urlpatterns  # noqa: F401
