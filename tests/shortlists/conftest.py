"""The readers of the alerts tests, "reader" and "other", serve here too."""

from tests.alerts.conftest import other, reader  # noqa: F401 (fixtures)
