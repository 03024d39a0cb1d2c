"""The two roles, as groups: Editors enter and correct records but never delete and never manage
users; Admins may do everything. Created by migration ``core/0001_roles`` and re-ensured by
``load_demo`` (a flushed database, as browser tests leave it, has lost its groups)."""

EDITORS = "Editors"
ADMINS = "Admins"

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
