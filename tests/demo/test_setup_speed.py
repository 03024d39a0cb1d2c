"""`manage.py setup_demo` (what `make run` runs) skips work that is already done, and only that:
migrations run when one on disk is unrecorded, the demo data reloads when its source changed or
its rows are gone, and the superuser's slow password check is skipped only for an unchanged pair.

The session fixture in tests/conftest.py has loaded the demo data into the test database; each
test runs in a transaction, so the stamp table it creates is gone afterwards.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from demo.management.commands import demo_superuser, setup_demo
from visits.models import Finding

pytestmark = pytest.mark.django_db


@pytest.fixture
def stamped():
    """The demo data (already loaded) with a current stamp; returns the fingerprint."""
    fingerprint = setup_demo.demo_fingerprint()
    setup_demo.load_demo_and_stamp(fingerprint)
    return fingerprint


@pytest.fixture
def no_load(monkeypatch):
    """Replace the loader by a recorder: the tests below are about whether it is called."""
    calls = []

    def fake_load_all():
        calls.append(1)
        return SimpleNamespace(touched={}, created={}, updated={}, deleted={})

    monkeypatch.setattr(setup_demo, "load_all", fake_load_all)
    return calls


# -- migrations -------------------------------------------------------------------------------------


def test_a_fully_migrated_database_has_no_unapplied_migrations():
    assert setup_demo.unapplied_migrations() == []


def test_a_migration_file_without_its_record_is_unapplied():
    MigrationRecorder.Migration.objects.filter(app="visits", name="0001_initial").delete()
    assert setup_demo.unapplied_migrations() == [("visits", "0001_initial")]


def test_migrate_runs_only_when_a_migration_is_unapplied(monkeypatch, stamped, no_load):
    commands = []
    monkeypatch.setattr(setup_demo, "call_command", lambda name, **kw: commands.append(name))
    call_command("setup_demo", verbosity=0)
    assert commands == []

    MigrationRecorder.Migration.objects.filter(app="funding", name="0001_initial").delete()
    call_command("setup_demo", verbosity=0)
    assert commands == ["migrate"]
    assert no_load == [1], "after migrations, the demo data is reloaded"


# -- demo data ---------------------------------------------------------------------------------------


def test_the_fingerprint_follows_the_loader_source(monkeypatch, tmp_path):
    module = tmp_path / "seed.py"
    module.write_text("ORGS = ['a']\n")
    monkeypatch.setattr(setup_demo, "demo_sources", lambda: [module])
    before = setup_demo.demo_fingerprint()
    assert setup_demo.demo_fingerprint() == before
    module.write_text("ORGS = ['a', 'b']\n")
    assert setup_demo.demo_fingerprint() != before


def test_the_fingerprint_covers_every_demo_module():
    names = {path.name for path in setup_demo.demo_sources()}
    assert {"__init__.py", "base.py", "shared.py", "viameca_2013.py", "reference.py", "roles.py"} <= names


def test_an_unchanged_fingerprint_skips_the_load(stamped, no_load, capsys):
    assert setup_demo.demo_is_current(stamped)
    call_command("setup_demo", verbosity=1)
    assert no_load == []
    assert "Demo data: unchanged" in capsys.readouterr().out


def test_a_changed_fingerprint_reloads(monkeypatch, stamped, no_load):
    monkeypatch.setattr(setup_demo, "demo_fingerprint", lambda: "a demo module was edited")
    call_command("setup_demo", verbosity=0)
    assert no_load == [1]


def test_the_stamp_records_the_new_fingerprint_after_a_load(monkeypatch, stamped):
    setup_demo.load_demo_and_stamp("next")
    assert setup_demo.demo_is_current("next")
    assert not setup_demo.demo_is_current(stamped)


def test_without_a_stamp_the_demo_is_not_current():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {setup_demo.STAMP_TABLE}")
    assert setup_demo.read_stamp(setup_demo.DEMO_STAMP) is None
    assert not setup_demo.demo_is_current(setup_demo.demo_fingerprint())


def test_a_flushed_database_reloads(stamped, no_load):
    call_command("flush", interactive=False, verbosity=0)
    assert not setup_demo.demo_is_current(stamped)
    call_command("setup_demo", verbosity=0)
    assert no_load == [1]


def test_a_deleted_demo_row_reloads(stamped):
    Finding.objects.filter(pk=Finding.objects.order_by("pk").first().pk).delete()
    assert not setup_demo.demo_is_current(stamped)


# -- demo superuser ---------------------------------------------------------------------------------


@pytest.fixture
def local_dir(settings, tmp_path, monkeypatch):
    """.local/ in a temporary checkout; the password from DEMO_ADMIN_PASSWORD."""
    settings.BASE_DIR = tmp_path
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "first-password")
    get_user_model().objects.filter(username=demo_superuser.USERNAME).delete()
    return tmp_path / ".local"


def test_the_superuser_password_is_checked_once_per_password(local_dir, monkeypatch):
    User = get_user_model()
    assert "password 'first-password'" in demo_superuser.ensure_demo_superuser()
    assert User.objects.get(username="admin").check_password("first-password")

    def no_check(self, raw_password):
        raise AssertionError("an unchanged password and hash need no Argon2 check")

    monkeypatch.setattr(User, "check_password", no_check)
    demo_superuser.ensure_demo_superuser()

    checked = []
    monkeypatch.setattr(User, "check_password", lambda self, raw: checked.append(raw) or False)
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "second-password")
    demo_superuser.ensure_demo_superuser()
    assert checked == ["second-password"]


def test_a_changed_hash_is_checked_again(local_dir, monkeypatch):
    User = get_user_model()
    demo_superuser.ensure_demo_superuser()
    user = User.objects.get(username="admin")
    user.set_password("changed in the admin")
    user.save()
    demo_superuser.ensure_demo_superuser()
    assert User.objects.get(username="admin").check_password("first-password")


def test_setup_demo_prints_the_sign_in_line(local_dir, stamped, no_load, capsys):
    call_command("setup_demo", verbosity=0)
    assert capsys.readouterr().out.strip() == "Admin sign-in: username 'admin', password 'first-password'"
