"""Helpers of the webapp tests. Helpers every app's tests use are in core/tests/support.py."""

from pathlib import Path

from pytest_django.fixtures import Settings


def serve_built_app(folder: Path, settings: Settings, files: dict[str, str]) -> Path:
    """Makes `folder` the built web app (FRONTEND_DIST_DIR) holding `files` (name → text), read
    afresh on each request (DEBUG), not from the copy another test left in memory."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings.FRONTEND_DIST_DIR = folder
    settings.DEBUG = True
    return folder
