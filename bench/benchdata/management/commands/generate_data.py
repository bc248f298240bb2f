"""`manage.py generate_data`: a large, realistic data set for benchmarks (no images).

Installed with the benchmark's settings (DJANGO_SETTINGS_MODULE=benchsite.settings, bench/ on
the Python path), as bench/run.py does."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from benchdata.generation import (
    DEFAULT_SEED,
    GENERATED_EMAIL_DOMAIN,
    GENERATED_PASSWORD,
    DataSize,
    data_clear,
    data_generate,
    data_size_problems,
    generated_data_exists,
)
from demo.production import production_refusal

FOLLOWS_PER_USER = 10


class Command(BaseCommand):
    help = (
        "Generates makers, launches over the last year, Pareto-distributed upvotes, threaded comments and "
        "follows, with every counter exact. Example of a full benchmark set: "
        "--products 100000 --users 20000 --upvotes 1000000 --comments 300000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--users", type=int, default=200, help="Makers to create (default 200).")
        parser.add_argument("--products", type=int, default=1000, help="Products to create (default 1000).")
        parser.add_argument("--upvotes", type=int, default=10000, help="Upvotes to create (default 10000).")
        parser.add_argument("--comments", type=int, default=3000, help="Comments to create (default 3000).")
        parser.add_argument(
            "--follows", type=int, default=None, help=f"Follows to create (default {FOLLOWS_PER_USER} per maker)."
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed of the random choices.")
        parser.add_argument(
            "--clear", action="store_true", help="Delete the previously generated data first, then generate."
        )
        parser.add_argument(
            "--clear-only", action="store_true", help="Delete the previously generated data and generate nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refusal = production_refusal(
            command="generate_data", what="thousands of makers who all sign in with one published password"
        )
        if refusal is not None:
            raise CommandError(refusal)
        if options["clear_only"]:
            self._clear(options["verbosity"])
            return

        users = options["users"]
        follows = options["follows"]
        if follows is None:
            follows = max(0, min(users * FOLLOWS_PER_USER, users * (users - 1)))
        size = DataSize(
            users=users,
            products=options["products"],
            upvotes=options["upvotes"],
            comments=options["comments"],
            follows=follows,
        )
        problems = data_size_problems(size)
        if problems:
            raise CommandError(" ".join(problems))
        if options["clear"]:
            self._clear(options["verbosity"])
        elif generated_data_exists():
            raise CommandError("Generated data is already there. Add --clear to replace it.")

        started = time.perf_counter()
        summary = data_generate(size=size, seed=options["seed"])
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated in {elapsed:.1f} s: {summary.users} makers, {summary.products} products "
                f"({summary.drafts} drafts), {summary.tags} tags, {summary.upvotes} upvotes, "
                f"{summary.comments} comments, {summary.follows} follows."
            )
        )
        if options["verbosity"] >= 2:
            self._write_steps(summary.seconds, elapsed)
        self.stdout.write(
            f"The makers' e-mail addresses end in @{GENERATED_EMAIL_DOMAIN}; "
            f"each signs in with the password “{GENERATED_PASSWORD}”."
        )

    def _clear(self, verbosity: int) -> None:
        started = time.perf_counter()
        summary = data_clear()
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Deleted {summary.makers} generated makers and their data in {elapsed:.1f} s.")
        if verbosity >= 2:
            self._write_steps(summary.seconds, elapsed)

    def _write_steps(self, seconds: dict[str, float], elapsed: float) -> None:
        steps = ", ".join(f"{name} {spent:.1f} s" for name, spent in seconds.items())
        self.stdout.write(f"Time per step: {steps}; commit {elapsed - sum(seconds.values()):.1f} s.")
