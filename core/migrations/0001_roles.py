"""The two roles as groups: Editors enter and correct records but never delete and never manage
users; Admins may do everything. A user gets a role by joining the group (and ``is_staff``).

Permissions are normally created after all migrations have run (``post_migrate``), so they are
created here first, for every app, as Django's own data migrations do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import ADMINS, EDITORS, ensure_roles


def create_all_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    create_all_permissions(apps)
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, ADMINS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sessions", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("clusters", "0005_history_and_attachments"),
        ("funding", "0004_history_and_attachments"),
        ("visits", "0004_history_and_attachments"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
