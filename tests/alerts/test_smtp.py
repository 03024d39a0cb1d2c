"""One alert sent through a real SMTP server (aiosmtpd, started here) and parsed back."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from alerts.sending import send_alerts
from config.environment import email_settings
from tests.alerts.conftest import call_search, tagged_call


class Collect:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    for key, value in email_settings(f"smtp://127.0.0.1:{port}").items():
        setattr(settings, key, value)
    settings.DEFAULT_FROM_EMAIL = "Alerts <alerts@example.org>"
    yield handler
    controller.stop()


@pytest.mark.django_db
def test_an_alert_through_a_real_smtp_server(smtp_server, reader):
    call_search(reader, name="Calls for SMEs")
    call = tagged_call(title="Calls open to SMEs from Türkiye")
    summary = send_alerts()
    assert summary.emails == 1
    assert len(smtp_server.envelopes) == 1
    envelope = smtp_server.envelopes[0]
    assert envelope.rcpt_tos == ["reader@example.org"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert message["To"] == "reader@example.org"
    assert message["From"] == "Alerts <alerts@example.org>"
    assert "Calls for SMEs" in message["Subject"]
    unsubscribe = str(message["List-Unsubscribe"]).strip()  # a long header is folded
    assert unsubscribe.startswith("<http://127.0.0.1:8000/alerts/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    url = f"http://127.0.0.1:8000{call.get_absolute_url()}"
    assert "Calls open to SMEs from Türkiye" in text and url in text
    assert f'<a href="{url}">Calls open to SMEs from Türkiye</a>' in html
    assert unsubscribe[1:-1] in text and unsubscribe[1:-1] in html


def test_email_url_parsing():
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_settings("smtp+tls://user%40x:p%3Ass@mail.example.org:2525")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_HOST_USER"], smtp["EMAIL_HOST_PASSWORD"]) == (
        "mail.example.org",
        2525,
        "user@x",
        "p:ss",
    )
    assert smtp["EMAIL_USE_TLS"] and not smtp["EMAIL_USE_SSL"]
    assert email_settings("smtp://h")["EMAIL_PORT"] == 25
    with pytest.raises(Exception, match="unknown scheme"):
        email_settings("ftp://h")
