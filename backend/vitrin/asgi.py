"""The ASGI application: the live streams under /api/live/ (live.stream), Django for the rest.

Served by uvicorn: `make run` serves everything from one process (its sync views run in
Django's thread pool), and in production a uvicorn process of its own serves /api/live/ while
gunicorn serves the rest through vitrin.wsgi.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vitrin.settings")

django_application = get_asgi_application()

# Imported once Django is set up: the stream reads the settings.
from live.stream import PREFIX, Receive, Scope, Send, live_app  # noqa: E402


async def application(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "http" and scope["path"].startswith(PREFIX):
        await live_app(scope, receive, send)
    elif scope["type"] == "lifespan":
        # Nothing to start or stop; answered here because Django declines lifespan events.
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    else:
        await django_application(scope, receive, send)
