"""Stores every e-mail address as users.selectors.email_normalize spells it, and makes addresses
unique as stored (the index sign-in looks them up on) instead of unique by lower().

Accounts whose addresses normalise alike could exist before: lower() keeps "straße@x.org" and
"STRASSE@x.org" apart, while folding makes both "strasse@x.org". Then the account already spelt
that way, or else the oldest, gets the normalised address; the others keep theirs unchanged and
are listed in the output, for staff to settle: merging or renaming accounts is not a migration's
call. They can still sign in with their username.
"""

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from users.selectors import email_normalize


def emails_normalize(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    User = apps.get_model("users", "User")
    rows = list(User.objects.order_by("id").values_list("id", "email"))
    taken = {email for _, email in rows if email == email_normalize(email)}
    kept = []
    for user_id, email in rows:
        normalized = email_normalize(email)
        if normalized == email:
            continue
        if normalized in taken:
            kept.append(user_id)
            continue
        taken.add(normalized)
        User.objects.filter(pk=user_id).update(email=normalized)
    if kept:
        print(
            f"\n  Accounts keeping their e-mail address as it was (another account has it once "
            f"normalised), by id: {', '.join(map(str, kept))}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
    ]

    operations = [
        # First: while it stands, giving "straße@x.org" its folded spelling would clash with
        # "STRASSE@x.org", which keeps its own.
        migrations.RemoveConstraint(model_name="user", name="user_email_unique_ci"),
        migrations.RunPython(emails_normalize, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(fields=("email",), name="user_email_unique"),
        ),
    ]
