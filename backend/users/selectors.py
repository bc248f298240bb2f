from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value
from django.http import Http404

from users.models import Follow, User

USER_NOT_FOUND_MESSAGE = "No user has this username."


def is_following_annotation(*, viewer: User | AnonymousUser, user_ref: str = "pk") -> Exists | Value:
    """`True` where `viewer` follows the user at `user_ref` (e.g. "pk", "author"); one subquery."""
    if not viewer.is_authenticated:
        return Value(False, output_field=BooleanField())
    return Exists(Follow.objects.filter(follower_id=viewer.pk, followee_id=OuterRef(user_ref)))


def user_me(*, user: User) -> User:
    """The signed-in user's whole row, as their own profile shows it. A read's `request.user`
    may carry only what authentication needs (users.authentication); then this loads the rest
    in one query instead of one per field."""
    return User.objects.get(pk=user.pk) if user.get_deferred_fields() else user


def user_get(*, username: str, viewer: User | AnonymousUser) -> User:
    """The user with this username (ignoring case), annotated with `is_following` for
    `viewer`; Http404 (404) when there is none."""
    if "\x00" in username:
        raise Http404(USER_NOT_FOUND_MESSAGE)  # no username has one, and PostgreSQL refuses to compare it
    user = (
        User.objects.annotate(is_following=is_following_annotation(viewer=viewer))
        .filter(username__iexact=username)
        .first()
    )
    if user is None:
        raise Http404(USER_NOT_FOUND_MESSAGE)
    return user


def _follow_links(*, viewer: User | AnonymousUser, user_side: str, **filters: User) -> QuerySet[Follow]:
    """Follow rows, newest first, each with its `user_side` user loaded and annotated
    `user_is_following` (the viewer follows that user)."""
    return (
        Follow.objects.filter(**filters)
        .select_related(user_side)
        .annotate(user_is_following=is_following_annotation(viewer=viewer, user_ref=user_side))
        .order_by("-created_at", "-id")
    )


def follower_links(*, user: User, viewer: User | AnonymousUser) -> QuerySet[Follow]:
    """Who follows `user`, newest follow first; the people are the rows' `follower`."""
    return _follow_links(viewer=viewer, user_side="follower", followee=user)


def following_links(*, user: User, viewer: User | AnonymousUser) -> QuerySet[Follow]:
    """Whom `user` follows, newest follow first; the people are the rows' `followee`."""
    return _follow_links(viewer=viewer, user_side="followee", follower=user)
