from django.conf import settings
from django.db import models


class NotificationVerb(models.TextChoices):
    COMMENT = "comment", "commented on your product"
    REPLY = "reply", "replied to your comment"
    UPVOTE = "upvote", "upvoted your product"
    FOLLOW = "follow", "started following you"


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    verb = models.CharField(max_length=10, choices=NotificationVerb.choices)
    product = models.ForeignKey("products.Product", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox"),
            models.Index(fields=["recipient"], condition=models.Q(read=False), name="notification_unread"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verb__in=NotificationVerb.values), name="notification_verb_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.verb} → {self.recipient_id}"
