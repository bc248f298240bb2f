from django.apps import AppConfig


class WebAppConfig(AppConfig):
    """Serves the built React app's document (index.html, with a product page's link-preview tags),
    its Content Security Policy and robots.txt. Kept out of `core`, which imports no domain app:
    a product page's tags come from the products app."""

    name = "webapp"
