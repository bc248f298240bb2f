"""Vitrin's settings: ``DJANGO_SETTINGS_MODULE=vitrin.settings`` loads the production settings
when ``DJANGO_ENV=production`` and the development ones otherwise.

- ``base.py``: everything common, read from the environment.
- ``development.py``: the embedded defaults of ``make run`` (SQLite, local-memory cache, tasks
  inline, e-mail to the console, debug on); every one can still be set from the environment.
- ``test.py``: development plus what the test suite needs (pytest names it in pyproject.toml).
- ``production.py``: refuses to start without the services and secrets it needs.
"""

import os

if os.environ.get("DJANGO_ENV", "development") == "production":
    from vitrin.settings.production import *  # noqa: F403
else:
    from vitrin.settings.development import *  # noqa: F403
