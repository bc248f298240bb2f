"""Enrols a staff member's authenticator app for the admin's two-factor sign-in.

    manage.py admin_totp_add <username> [--name phone] [--replace]

Prints the otpauth:// URL and draws it as a QR code in the terminal: the staff member scans
it with their app (any TOTP app: 1Password, Google Authenticator, FreeOTP...) and from then on
signs in to the admin with their password and the app's current six-digit code. The URL holds
the shared secret, so run this where nobody else reads the terminal, and clear it afterwards.
"""

import io
from typing import Any

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Adds an authenticator app (TOTP) to a staff account and prints its QR code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="the staff member's username (any case)")
        parser.add_argument("--name", default="authenticator", help="a name for the device, shown at sign-in")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="remove the account's other authenticator apps first (a lost or replaced phone)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        user_model = get_user_model()
        try:
            user = user_model._default_manager.get_by_natural_key(username)
        except user_model.DoesNotExist as exc:
            raise CommandError(f'No account has the username "{username}".') from exc
        if not user.is_staff:
            raise CommandError(f'"{user.get_username()}" is not staff: give the account staff status first.')

        with transaction.atomic():
            if options["replace"]:
                removed, _ = TOTPDevice.objects.filter(user=user).delete()
                self.stdout.write(f"Removed {removed} earlier authenticator app(s).")
            device = TOTPDevice.objects.create(user=user, name=options["name"], confirmed=True)

        qr_code = qrcode.QRCode(border=2)
        qr_code.add_data(device.config_url)
        drawing = io.StringIO()
        # Dark modules as light characters: scannable on the usual dark terminal background.
        qr_code.print_ascii(out=drawing, invert=True)
        self.stdout.write(drawing.getvalue())
        self.stdout.write(device.config_url)
        self.stdout.write(
            self.style.SUCCESS(
                f'Added "{device.name}" for {user.get_username()}. Scan the code (or open the otpauth:// URL) '
                "in an authenticator app, then sign in to the admin with the password and the app's code."
            )
        )
