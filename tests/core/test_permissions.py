"""Who may open what: anonymous visitors, signed-in users without a role, Editors (enter and
correct, never delete, no user management) and Admins (everything), on public pages and in the admin.

The roles are the groups created by ``core/migrations/0001_roles.py``.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from clusters.models import ContactPerson
from core.roles import READERS
from tests import factories
from tests.admin_helpers import admin_form_data
from visits.models import ItineraryStop, Visit

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "signed_in", "editor", "admin"]

# Expected answer per role: a status code, or "login" for a redirect to the admin's login page.
PUBLIC = dict.fromkeys(ROLES, 200)
STAFF_ONLY_PAGE = {"anonymous": 404, "signed_in": 404, "editor": 200, "admin": 200}
EDITING = {"anonymous": "login", "signed_in": "login", "editor": 200, "admin": 200}
DELETING = {"anonymous": "login", "signed_in": "login", "editor": 403, "admin": 200}

MATRIX = [
    # Public lists, search and CSV exports.
    ("home", PUBLIC),
    ("partner-list", PUBLIC),
    ("visit-list", PUBLIC),
    ("instrument-list", PUBLIC),
    ("call-list", PUBLIC),
    ("project-list", PUBLIC),
    ("search", PUBLIC),
    ("partner-csv", PUBLIC),
    ("visit-csv", PUBLIC),
    ("instrument-csv", PUBLIC),
    ("call-csv", PUBLIC),
    ("project-csv", PUBLIC),
    # Detail pages.
    ("organisation-page", PUBLIC),
    ("published-visit-page", PUBLIC),
    ("draft-visit-page", STAFF_ONLY_PAGE),
    ("instrument-page", PUBLIC),
    ("call-page", PUBLIC),
    ("project-page", PUBLIC),
    # The admin.
    ("admin-index", EDITING),
    *[
        (f"admin-{model}-{view}", EDITING)
        for model in ("visit", "organisation", "instrument", "call")
        for view in ("changelist", "add", "change", "history", "revert")
    ],
    *[(f"admin-{model}-delete", DELETING) for model in ("visit", "organisation", "instrument", "call")],
    ("admin-user-list", DELETING),
    ("admin-group-list", DELETING),
]


def _admin(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def users(django_user_model):
    def make(username, group=None, **fields):
        user = django_user_model.objects.create_user(username=username, password="x", **fields)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "anonymous": None,
        "signed_in": make("reader"),
        "reader": make("reader-in-group", READERS),
        "editor": make("editor", "Editors", is_staff=True),
        "admin": make("chief", "Admins", is_staff=True),
    }


@pytest.fixture
def urls():
    organisation = factories.organisation(email="office@permcheck.example", phone="+33 1 11 22 33 44")
    published = factories.visit()
    draft = factories.visit(status=Visit.Status.DRAFT)
    instrument = factories.instrument()
    call = factories.call(instrument=instrument)
    project = factories.project(instrument=instrument)
    records = {"visit": published, "organisation": organisation, "instrument": instrument, "call": call}
    found = {
        "home": reverse("home:home"),
        "partner-list": reverse("clusters:organisation-list"),
        "visit-list": reverse("visits:visit-list"),
        "instrument-list": reverse("funding:instrument-list"),
        "call-list": reverse("funding:call-list"),
        "project-list": reverse("funding:project-list"),
        "search": reverse("globalsearch:search") + "?q=test",
        "organisation-page": organisation.get_absolute_url(),
        "published-visit-page": published.get_absolute_url(),
        "draft-visit-page": draft.get_absolute_url(),
        "instrument-page": instrument.get_absolute_url(),
        "call-page": call.get_absolute_url(),
        "project-page": project.get_absolute_url(),
        "admin-index": reverse("admin:index"),
        "admin-user-list": reverse("admin:auth_user_changelist"),
        "admin-group-list": reverse("admin:auth_group_changelist"),
    }
    for name in ("partner", "visit", "instrument", "call", "project"):
        list_name = {"partner": "partner-list"}.get(name, f"{name}-list")
        found[f"{name}-csv"] = found[list_name] + "?format=csv"
    for name, obj in records.items():
        model = type(obj)
        record = obj.history.earliest()
        found[f"admin-{name}-changelist"] = _admin(model, "changelist")
        found[f"admin-{name}-add"] = _admin(model, "add")
        found[f"admin-{name}-change"] = _admin(model, "change", obj.pk)
        found[f"admin-{name}-history"] = _admin(model, "history", obj.pk)
        found[f"admin-{name}-revert"] = _admin(model, "simple_history", obj.pk, record.history_id)
        found[f"admin-{name}-delete"] = _admin(model, "delete", obj.pk)
    return found


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("page", "expected"), MATRIX, ids=[page for page, _ in MATRIX])
def test_permission_matrix(client, users, urls, role, page, expected):
    if users[role]:
        client.force_login(users[role])
    response = client.get(urls[page])
    want = expected[role]
    if want == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == want


@pytest.mark.parametrize(("role", "publishes"), [("signed_in", False), ("editor", True), ("admin", True)])
def test_publish_action(client, users, role, publishes):
    draft = factories.visit(status=Visit.Status.DRAFT)
    client.force_login(users[role])
    client.post(_admin(Visit, "changelist"), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert (draft.status == Visit.Status.PUBLISHED) is publishes


@pytest.mark.parametrize(("role", "deletes"), [("editor", False), ("admin", True)])
def test_delete_post(client, users, role, deletes):
    visit = factories.visit()
    client.force_login(users[role])
    client.post(_admin(Visit, "delete", visit.pk), {"post": "yes"})
    assert Visit.objects.filter(pk=visit.pk).exists() is not deletes


def test_editors_hold_no_delete_and_no_auth_permission():
    editors = Group.objects.get(name="Editors").permissions.all()
    assert editors.exists()
    assert not editors.filter(codename__startswith="delete_").exists()
    assert not editors.filter(content_type__app_label="auth").exists()


def test_admins_hold_every_permission():
    assert Group.objects.get(name="Admins").permissions.count() == Permission.objects.count()


def test_editor_edits_a_visit_without_inline_delete_boxes(client, users):
    visit = factories.visit()
    ItineraryStop.objects.create(visit=visit, day=1, place="Technopark")
    client.force_login(users["editor"])
    url = _admin(Visit, "change", visit.pk)
    page = client.get(url)
    assert "stops-0-DELETE" not in page.content.decode()
    data = admin_form_data(page)
    data["title"] = "Corrected by an editor"
    assert client.post(url, data).status_code == 302
    visit.refresh_from_db()
    assert visit.title == "Corrected by an editor"
    assert visit.stops.count() == 1


@pytest.mark.parametrize(
    ("role", "shown"), [("anonymous", False), ("signed_in", False), ("reader", True), ("editor", True)]
)
def test_contact_details_need_a_reader(client, users, role, shown):
    organisation = factories.organisation(email="office@contactcheck.example", phone="+49 30 1234", fax="+49 30 9876")
    ContactPerson.objects.create(
        organisation=organisation, name="Greta Kontakt", email="greta@contactcheck.example", phone="+49 30 5555"
    )
    if users[role]:
        client.force_login(users[role])
    html = client.get(organisation.get_absolute_url()).content.decode()
    for detail in (
        "office@contactcheck.example",
        "+49 30 1234",
        "+49 30 9876",
        "greta@contactcheck.example",
        "+49 30 5555",
    ):
        assert (detail in html) is shown, detail
