from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from utils.text import email_normalize


class VitrinUserManager(UserManager["User"]):
    def get_by_natural_key(self, username: str | None) -> "User":
        # Usernames are unique ignoring case, so "Ada" and "ada" are one account.
        return self.get(username__iexact=username)

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """Vitrin's one spelling of an address (`email_normalize`), for every account Django
        creates or cleans: `create_user`, `createsuperuser`, the admin's forms."""
        return email_normalize(email or "")


class User(AbstractUser):
    """A person on Vitrin. The counters are kept by the services that change them."""

    email = models.EmailField("email address", max_length=254)
    # Whether the person proved they read mail sent to `email` (the e-mailed link, a password
    # reset, or Google vouching for it). Only a verified account may be linked to a Google
    # identity with the same address.
    email_verified = models.BooleanField("email address verified", default=False)
    avatar = models.CharField(max_length=500, blank=True, default="")
    bio = models.TextField(max_length=500, blank=True, default="")
    website = models.URLField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    products_count = models.PositiveIntegerField(default=0, editable=False)
    followers_count = models.PositiveIntegerField(default=0, editable=False)
    following_count = models.PositiveIntegerField(default=0, editable=False)

    objects: VitrinUserManager = VitrinUserManager()  # type: ignore[misc]

    class Meta:
        ordering = ["id"]
        constraints = [
            # Addresses are stored normalised (VitrinUserManager.normalize_email), so comparing
            # them exactly is comparing them ignoring case, and sign-in looks them up on this index.
            models.UniqueConstraint(fields=["email"], name="user_email_unique"),
            models.UniqueConstraint(Lower("username"), name="user_username_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.username


class Follow(models.Model):
    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following_links")
    followee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follower_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followee"], name="follow_unique_pair"),
            models.CheckConstraint(condition=~Q(follower=F("followee")), name="follow_not_self"),
        ]
        indexes = [
            # "who follows X" and "whom does X follow", newest first.
            models.Index(fields=["followee", "-created_at", "-id"], name="follow_followee_recent"),
            models.Index(fields=["follower", "-created_at", "-id"], name="follow_follower_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} → {self.followee_id}"


class SocialAccount(models.Model):
    """A sign-in identity from another provider, keyed on the token's issuer and subject."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="social_accounts")
    issuer = models.CharField(max_length=200)
    subject = models.CharField(max_length=255)
    email = models.EmailField(max_length=254, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="social_account_unique_identity"),
        ]

    def __str__(self) -> str:
        return f"{self.issuer}:{self.subject}"
