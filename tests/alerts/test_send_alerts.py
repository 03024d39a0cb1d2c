"""``manage.py send_alerts``: digests, reminders and follows, each record once per alert."""

import datetime
import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.models import Delivery, Follow, Frequency, SavedSearch
from alerts.sending import send_alerts
from funding.models import ProjectPartner
from tests import factories
from tests.alerts.conftest import TAG, call_search, tagged_call
from visits.models import Visit


def run() -> str:
    out = io.StringIO()
    call_command("send_alerts", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
class TestDigest:
    def test_a_new_matching_call_is_sent_once(self, reader):
        call_search(reader)
        call = tagged_call(title="Calls open to SMEs from Türkiye")
        factories.call(title="Untagged call")
        assert "1 e-mails sent, 1 records delivered" in run()
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["reader@example.org"]
        assert "Calls open to SMEs from Türkiye" in message.body
        assert f"http://127.0.0.1:8000{call.get_absolute_url()}" in message.body
        assert "Untagged call" not in message.body
        assert "0 e-mails sent" in run()
        # Even once the next digest is due, a delivered record is not sent again.
        send_alerts(now=timezone.now() + datetime.timedelta(days=2))
        assert len(mail.outbox) == 1

    def test_deleting_the_reader_deletes_their_deliveries(self, reader):
        call_search(reader)
        tagged_call()
        run()
        assert Delivery.objects.filter(user=reader).count() == 1
        reader.delete()
        assert not Delivery.objects.exists() and not SavedSearch.objects.exists()

    def test_only_records_newer_than_the_alert(self, reader):
        tagged_call(title="Old call")
        call_search(reader, since=timezone.now())
        run()
        assert mail.outbox == []

    def test_a_digest_waits_for_its_period(self, reader):
        search = call_search(reader, frequency=Frequency.WEEKLY)
        tagged_call(title="First")
        run()
        tagged_call(title="Second")
        send_alerts(now=timezone.now() + datetime.timedelta(days=3))
        assert len(mail.outbox) == 1
        send_alerts(now=timezone.now() + datetime.timedelta(days=7))
        assert len(mail.outbox) == 2 and "Second" in mail.outbox[1].body and "First" not in mail.outbox[1].body
        assert Delivery.objects.filter(saved_search=search).count() == 2

    def test_no_email_without_news_or_with_alerts_off(self, reader):
        call_search(reader, frequency=Frequency.NONE)
        tagged_call()
        run()
        assert mail.outbox == []

    def test_drafts_never_reach_a_digest(self, reader):
        SavedSearch.objects.create(
            user=reader,
            name="Visits",
            view_name="visits:visit-list",
            query="q=Alertsdraftword",
            frequency=Frequency.DAILY,
            alerts_since=timezone.now() - datetime.timedelta(minutes=1),
        )
        visit = factories.visit(title="Alertsdraftword visit", status=Visit.Status.DRAFT)
        run()
        assert mail.outbox == []
        visit.status = Visit.Status.PUBLISHED
        visit.save()
        send_alerts(now=timezone.now() + datetime.timedelta(days=1))
        assert len(mail.outbox) == 1 and "Alertsdraftword visit" in mail.outbox[0].body

    def test_a_saved_global_search_sends_published_records_of_every_type(self, reader):
        SavedSearch.objects.create(
            user=reader,
            name="Quokkaland",
            view_name="globalsearch:search",
            query="q=Quokkaland",
            frequency=Frequency.DAILY,
            alerts_since=timezone.now() - datetime.timedelta(minutes=1),
        )
        factories.call(title="Quokkaland call")
        factories.organisation(name="Quokkaland cluster")
        factories.visit(title="Quokkaland draft", status=Visit.Status.DRAFT)
        run()
        body = mail.outbox[0].body
        assert "Quokkaland call" in body and "Quokkaland cluster" in body and "Quokkaland draft" not in body

    def test_a_search_with_invalid_filters_sends_what_the_list_shows(self, reader):
        call_search(reader, query=f"tag={TAG}&status=no-such-status")
        tagged_call(title="Still matched")
        run()
        assert len(mail.outbox) == 1 and "Still matched" in mail.outbox[0].body

    def test_every_email_has_text_html_and_unsubscribe_headers(self, reader):
        call_search(reader)
        tagged_call(title="A call")
        run()
        message = mail.outbox[0]
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and "A call</a>" in html
        link = message.extra_headers["List-Unsubscribe"]
        assert link.startswith("<http://127.0.0.1:8000/alerts/unsubscribe/") and link.endswith("/>")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link[1:-1] in message.body and link[1:-1] in html

    def test_the_unsubscribe_link_stops_further_emails(self, client, reader):
        call_search(reader)
        tagged_call()
        run()
        link = mail.outbox[0].extra_headers["List-Unsubscribe"][1:-1].removeprefix("http://127.0.0.1:8000")
        assert client.post(link).status_code == 200
        tagged_call()
        send_alerts(now=timezone.now() + datetime.timedelta(days=2))
        assert len(mail.outbox) == 1

    def test_the_email_is_in_the_readers_language(self, reader):
        call_search(reader, language="fr")
        tagged_call(title="Appel")
        run()
        message = mail.outbox[0]
        assert "Base de connaissances sur la coopération entre clusters" in message.subject
        assert '<html lang="fr">' in message.alternatives[0][0]

    def test_contact_persons_never_appear(self, reader):
        from clusters.models import ContactPerson

        org = factories.organisation(name="Org with contact")
        fields = {f.name for f in ContactPerson._meta.fields}
        contact = {"organisation": org, "name": "Secret Person", "email": "secret@example.org"}
        ContactPerson.objects.create(**{k: v for k, v in contact.items() if k in fields})
        Follow.objects.create(user=reader, organisation=org)
        factories.visit(title="Visit with a contact").hosts.add(org)
        run()
        message = mail.outbox[0]
        assert "Visit with a contact" in message.body
        assert "Secret" not in message.body + message.alternatives[0][0]
        assert "secret@example.org" not in message.body + message.alternatives[0][0]

    def test_query_count_does_not_grow_with_matching_records(self, reader):
        def queries(n, key):
            SavedSearch.objects.all().delete()
            call_search(reader, name=key, query=f"tag={key}")
            for _ in range(n):
                factories.call().tags.add(key)
            with CaptureQueriesContext(connection) as captured:
                summary = send_alerts()
            assert summary.records == n
            return len(captured)

        queries(1, "warm-up")  # caches (content types, tags)
        assert queries(1, "one-match") == queries(20, "twenty-matches")


@pytest.mark.django_db
class TestReminders:
    def test_a_reminder_n_days_before_each_deadline_once(self, reader):
        today = timezone.localdate()
        call_search(reader, frequency=Frequency.NONE, reminder_days=7)
        soon = tagged_call(title="Closes soon", deadline=today + datetime.timedelta(days=5))
        tagged_call(title="Closes later", deadline=today + datetime.timedelta(days=30))
        tagged_call(title="Closed", deadline=today - datetime.timedelta(days=1))
        run()
        assert len(mail.outbox) == 1
        body = mail.outbox[0].body
        assert "Closes soon" in body and "Closes later" not in body and "Closed" not in body.replace("Closes", "")
        run()
        assert len(mail.outbox) == 1
        soon.deadline = today + datetime.timedelta(days=6)  # moved: reminded of the new date
        soon.save()
        run()
        assert len(mail.outbox) == 2

    def test_reminders_are_only_for_lists_with_deadlines(self, reader):
        SavedSearch.objects.create(user=reader, name="Projects", view_name="funding:project-list", reminder_days=5)
        assert "0 e-mails sent" in run()


@pytest.mark.django_db
def test_a_follow_sends_the_organisations_new_visits_projects_and_calls(reader):
    org = factories.organisation(name="Followed org")
    Follow.objects.create(user=reader, organisation=org)
    factories.visit(title="Hosted visit").hosts.add(org)
    factories.visit(title="Draft visit", status=Visit.Status.DRAFT).hosts.add(org)
    project = factories.project(name="Joint project")
    ProjectPartner.objects.create(project=project, organisation=org)
    factories.call(title="Managed call", instrument=factories.instrument(managing_body=org))
    factories.visit(title="Unrelated visit")
    run()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Hosted visit" in body and "Joint project" in body and "Managed call" in body
    assert "Draft visit" not in body and "Unrelated visit" not in body
    send_alerts(now=timezone.now() + datetime.timedelta(days=2))
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_each_record_once(reader):
    """Two runs at once, each in its own thread and database connection."""
    for n in range(3):
        SavedSearch.objects.create(
            user=reader,
            name=f"s{n}",
            view_name="funding:call-list",
            query=f"tag={TAG}",
            frequency=Frequency.DAILY,
            alerts_since=timezone.now() - datetime.timedelta(minutes=1),
        )
    for _ in range(5):
        tagged_call()
    barrier = threading.Barrier(2)
    summaries, errors = [], []

    def worker():
        try:
            barrier.wait()
            summaries.append(send_alerts())
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(s.emails for s in summaries) == 3 == len(mail.outbox)
    assert sum(s.records for s in summaries) == 15 == Delivery.objects.count()
