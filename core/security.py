"""Request helpers for running behind a reverse proxy."""

import os


def client_ip_from_header(request) -> str | None:
    """The client address from the header the proxy sets (AXES_CLIENT_IP_HEADER, e.g. HTTP_X_REAL_IP),
    falling back to the socket's address. Only safe when the proxy overwrites that header."""
    value = request.META.get(os.environ.get("AXES_CLIENT_IP_HEADER", ""), "")
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR")


def axes_username(request, credentials=None) -> str | None:
    """The name django-axes counts failed sign-ins under: the admin's form sends ``username``, the
    readers' sign-in (django-allauth) ``email``; e-mail addresses are counted without regard to case."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    name = credentials.get("username") or data.get("username")
    if name:
        return name
    email = credentials.get("email") or data.get("login")
    return email.strip().lower() if email else None
