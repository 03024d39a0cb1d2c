"""One ``send_alerts`` run at scale: 1,000 readers with 3 saved searches each (a daily digest on
the call, visit and partner lists with one or two filters, and deadline reminders on the calls)
over the 100,000-organisation synthetic data set. Prints the run's time and query count and a
second run's (which must send nothing); asserts nothing.

    DATABASE_URL=postgres://.../ckb_bench .venv/bin/python -m bench.alerts

The database must hold the synthetic data (``manage.py generate_data``, bench/common.py
``prepare``). Everything is done in ONE transaction that is rolled back at the end, the alerts'
tables included when their migration was not applied yet: the database is left as it was found.
E-mails go to Django's in-memory backend.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
READERS = int(os.environ.get("BENCH_ALERT_READERS", "1000"))
COUNTRIES = ["DE", "FR", "IT", "ES", "PL", "TR", "AT", "BE", "NL", "SE", "FI", "CZ"]


def setup() -> None:
    sys.path.insert(0, str(BASE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["EMAIL_URL"] = "locmem://"
    import django

    django.setup()


def searches_for(user, rng: random.Random, now) -> list:
    from alerts.models import Frequency, SavedSearch

    def one(name, view_name, query, **extra):
        return SavedSearch(
            user=user,
            name=name,
            view_name=view_name,
            query=query,
            frequency=Frequency.DAILY,
            alerts_since=now - datetime.timedelta(days=rng.choice([1, 30, 3650])),
            **extra,
        )

    a, b = rng.sample(COUNTRIES, 2)
    return [
        one(f"Calls {a}", "funding:call-list", f"country={a}", reminder_days=rng.choice([7, 14, 30])),
        one(f"Visits {b}", "visits:visit-list", f"country={b}"),
        one(f"Clusters {a}", "clusters:organisation-list", f"country={a}&kind=cluster"),
    ]


def main() -> None:
    setup()
    from django.contrib.auth.models import User
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import timezone

    from alerts.models import SavedSearch
    from alerts.sending import send_alerts
    from clusters.models import Organisation

    setup_test_environment()  # mail.outbox for the locmem backend
    synthetic = Organisation.objects.filter(slug__startswith="syn-").count()
    print(f"Database: {connection.settings_dict['NAME']}; synthetic organisations: {synthetic:,}")
    rng = random.Random(1)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    with transaction.atomic():
        call_command("migrate", "alerts", verbosity=0)  # rolled back with the rest when new here
        now = timezone.now()
        users = User.objects.bulk_create(
            [User(username=f"bench-reader-{n}", email=f"reader{n}@example.org") for n in range(READERS)]
        )
        SavedSearch.objects.bulk_create([s for u in users for s in searches_for(u, rng, now)])
        print(f"Readers: {len(users):,}; saved searches: {SavedSearch.objects.count():,}; load average {load}")
        for label in ("first run", "second run"):
            mail.outbox = []
            connection.queries_log.clear()  # the log keeps 9,000 queries: start each run empty
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                summary = send_alerts(now=now)
                seconds = time.perf_counter() - started
            per_alert = len(captured) / max(summary.alerts, 1)
            print(
                f"{label}: {seconds:.1f} s, {len(captured):,} queries ({per_alert:.2f} per alert); "
                f"{summary.line().removeprefix('send_alerts: ')}; outbox {len(mail.outbox):,}"
            )
        transaction.set_rollback(True)
    print("Rolled back: the database is as it was found.")


if __name__ == "__main__":
    main()
