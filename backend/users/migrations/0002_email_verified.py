from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def verify_google_accounts(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Accounts already linked to Google had their address vouched for by Google."""
    User = apps.get_model("users", "User")
    User.objects.filter(social_accounts__isnull=False).update(email_verified=True)


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0002_email_normalized"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_verified",
            field=models.BooleanField(default=False, verbose_name="email address verified"),
        ),
        migrations.RunPython(verify_google_accounts, migrations.RunPython.noop, elidable=True),
    ]
