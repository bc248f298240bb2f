"""`manage.py make_image_variants`: makes the smaller copies of every upload that has none yet
(those stored before copies existed, or whose task gave up). Safe to run again at any time: an
upload whose copies are recorded is skipped, and an interrupted run resumes where it stopped."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from uploads.selectors import upload_ids_without_variants
from uploads.services import upload_variants_make


class Command(BaseCommand):
    help = "Makes the smaller copies (variants) of uploaded images that have none yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=100, help="Uploads read per query (default 100).")

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        made = skipped = failed = 0
        after = 0
        while True:
            batch = upload_ids_without_variants(after_id=after, limit=batch_size)
            if not batch:
                break
            for upload_id in batch:
                try:
                    if upload_variants_make(upload_id=upload_id):
                        made += 1
                    else:
                        skipped += 1
                except Exception as exc:  # one unreadable file must not stop the others
                    failed += 1
                    self.stderr.write(f"upload {upload_id}: {type(exc).__name__}: {exc}")
            after = batch[-1]
        self.stdout.write(f"Variants made for {made} uploads; {skipped} skipped (animated GIFs); {failed} failed.")
        if failed:
            raise CommandError(f"{failed} uploads could not be read; see above. Run the command again to retry them.")
