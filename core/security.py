"""Request helpers for running behind a reverse proxy."""

import os


def client_ip_from_header(request) -> str | None:
    """The client address from the header the proxy sets (AXES_CLIENT_IP_HEADER, e.g. HTTP_X_REAL_IP),
    falling back to the socket's address. Only safe when the proxy overwrites that header."""
    value = request.META.get(os.environ.get("AXES_CLIENT_IP_HEADER", ""), "")
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR")
