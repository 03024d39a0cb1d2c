"""``manage.py intake PATH --json``: one JSON object with the keys scripts rely on, nothing
saved; bad input ends with a clear message and exit code 1."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from clusters.models import Organisation
from tests.intake.text_seeds import FILES, SEEDS
from visits.models import Visit

pytestmark = pytest.mark.django_db

KEYS = {
    "language", "title", "start_date", "end_date", "date_precision", "participants_count", "organisations",
    "projects", "instruments", "same_event", "itinerary", "findings",
}  # fmt: skip


def run_json(path) -> dict:
    out = io.StringIO()
    call_command("intake", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_json_has_the_documented_keys_and_saves_nothing():
    before = (Visit.objects.count(), Organisation.objects.count())
    data = run_json(SEEDS / FILES["viameca"])
    assert set(data) >= KEYS
    assert (data["language"], data["start_date"], data["end_date"]) == ("en", "2013-04-16", "2013-04-19")
    org = data["organisations"][0]
    assert {"mention", "name", "role", "action", "candidates"} <= set(org)
    assert {"slug", "name", "score", "reason"} <= set(org["candidates"][0])
    assert {"slug", "score"} <= set(data["same_event"][0])
    assert (Visit.objects.count(), Organisation.objects.count()) == before


def test_stdin_is_read_with_a_dash(monkeypatch):
    text = (SEEDS / FILES["clustem"]).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    data = run_json("-")
    assert data["language"] == "tr"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"   \n\n  ", "empty"),
        ("fake.docx", b"\x00\x01binary\x02" * 50, "not a format intake reads"),
    ],
)
def test_bad_input_is_a_command_error_with_a_message(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        call_command("intake", str(path), "--json", stdout=io.StringIO())
    assert str(error.value)


def test_save_writes_one_draft_and_prints_its_admin_address():
    before = Visit.objects.count()
    out = io.StringIO()
    call_command("intake", str(SEEDS / FILES["clustem"]), "--save", stdout=out)
    visit = Visit.objects.latest("pk")
    assert Visit.objects.count() == before + 1
    assert visit.status == Visit.Status.DRAFT
    assert out.getvalue().strip() == f"/admin/visits/visit/{visit.pk}/change/"


def test_bad_input_exits_1_without_a_traceback(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "intake", str(tmp_path / "empty.txt"), "--json"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "empty" in result.stderr and "Traceback" not in result.stderr
