"""How the OpenAPI schema describes Vitrin's authentication."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme


class CachedUserJWTScheme(SimpleJWTScheme):
    """`CachedUserJWTAuthentication` takes the same bearer token as simplejwt's class it extends
    (`jwtAuth`); only where the account is read from differs."""

    target_class = "users.authentication.CachedUserJWTAuthentication"
