from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower


class VitrinUserManager(UserManager["User"]):
    def get_by_natural_key(self, username: str | None) -> "User":
        # Usernames are unique ignoring case, so "Ada" and "ada" are one account.
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A person on Vitrin. The counters are kept by the services that change them."""

    email = models.EmailField("email address", max_length=254)
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
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
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
