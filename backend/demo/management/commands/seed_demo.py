"""`manage.py seed_demo`: a living demo site, added once (`make run` calls it on every start)."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo import catalog
from demo.production import production_refusal
from demo.seeding import DEFAULT_SEED, demo_seed, demo_seed_blocker


class Command(BaseCommand):
    help = (
        "Adds demo categories, makers, two weeks of launches with generated images, votes, threads, "
        "follows and notifications. Does nothing when the demo data is already there."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed of the random choices.")

    def handle(self, *args: Any, **options: Any) -> None:
        refusal = production_refusal(
            command="seed_demo", what="demo makers who all sign in with a password published in the README"
        )
        if refusal is not None:
            raise CommandError(refusal)
        blocker = demo_seed_blocker()
        if blocker is not None:
            self.stdout.write(blocker)
            return
        started = time.perf_counter()
        summary = demo_seed(seed=options["seed"])
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data added in {elapsed:.1f} s: {summary.categories} categories, {summary.users} makers, "
                f"{summary.products} products ({summary.drafts} drafts), {summary.images} images, "
                f"{summary.upvotes} upvotes, {summary.comments} comments, {summary.follows} follows, "
                f"{summary.notifications} notifications."
            )
        )
        self.stdout.write(
            f"Sign in as “{catalog.DEMO_USERNAME}” (or {catalog.DEMO_USERNAME}@{catalog.DEMO_EMAIL_DOMAIN}) "
            f"with the password “{catalog.DEMO_PASSWORD}”; every demo maker (ada, mateo, lena, …) "
            "has the same password."
        )
