"""The roles, as groups: Editors enter and correct records but never delete and never manage
users; Admins may do everything; Readers are signed-in users who see contact persons. Created by
migrations ``core/0001_roles`` and ``core/0004_readers_group`` and re-ensured by ``load_demo`` (a
flushed database, as browser tests leave it, has lost its groups).

``can_see_contacts(user)`` is the one rule for contact persons and contact details, on every page,
API answer and export."""

from django.conf import settings

EDITORS = "Editors"
ADMINS = "Admins"
READERS = "Readers"

# (app label, model names, actions). No "delete" anywhere: the issue says editors never delete,
# not even an inline row (the admin then hides the inline "Delete?" checkboxes).
EDITOR_PERMISSIONS = [
    (
        "visits",
        ["visit", "itinerarystop", "participant", "finding", "followup", "attachment"],
        ["add", "change", "view"],
    ),
    (
        "clusters",
        ["organisation", "alternativename", "label", "membership", "contactperson"],
        ["add", "change", "view"],
    ),
    ("funding", ["instrument", "eligibility", "call", "project", "projectpartner"], ["add", "change", "view"]),
    ("clusters", ["ecosystem"], ["view"]),
    ("taggit", ["tag"], ["add", "view"]),
]


def ensure_roles(group_model, permission_model) -> None:
    """Create or refresh both groups; the models may be a migration's historical ones."""
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    editors.permissions.set(
        [
            permission_model.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            for app_label, models, actions in EDITOR_PERMISSIONS
            for model in models
            for action in actions
        ]
    )
    admins, _ = group_model.objects.get_or_create(name=ADMINS)
    admins.permissions.set(permission_model.objects.all())
    # Readers need no permission: membership alone shows contacts (can_see_contacts).
    group_model.objects.get_or_create(name=READERS)


class ContactsReason:
    """Why a user sees contact persons (the account page says so)."""

    STAFF = "staff"
    GROUP = "group"
    DOMAIN = "domain"


def reader_email_domain(email: str) -> str | None:
    """The listed domain (READER_EMAIL_DOMAINS) that ``email`` belongs to: the part after the last
    "@", matched exactly and without regard to case (a subdomain is another domain)."""
    domain = email.rpartition("@")[2].strip().lower()
    return domain if domain and domain in settings.READER_EMAIL_DOMAINS else None


def contacts_reason(user) -> str | None:
    """Why ``user`` sees contacts (a ``ContactsReason``), or None when they do not: staff, members
    of Readers, and users with a verified address in a listed domain. At most two queries, once
    per user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_staff:
        return ContactsReason.STAFF
    if not hasattr(user, "_contacts_reason"):
        from allauth.account.models import EmailAddress  # noqa: PLC0415 (models load after settings)

        reason = None
        if user.groups.filter(name=READERS).exists():
            reason = ContactsReason.GROUP
        elif settings.READER_EMAIL_DOMAINS and any(
            reader_email_domain(email)
            for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        ):
            reason = ContactsReason.DOMAIN
        user._contacts_reason = reason
    return user._contacts_reason


def can_see_contacts(user) -> bool:
    """The one rule for contact persons and an organisation's contact details (personal data)."""
    return contacts_reason(user) is not None
