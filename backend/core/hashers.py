from django.contrib.auth.hashers import BCryptSHA256PasswordHasher


class TestBCryptSHA256PasswordHasher(BCryptSHA256PasswordHasher):
    """Used by the test suite only: the production algorithm at its lowest cost."""

    rounds = 4
