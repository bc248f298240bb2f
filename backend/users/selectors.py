from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value

from core.domain_errors import NotFound
from uploads.models import Upload, upload_variants_of
from users.models import Follow, User
from utils.text import email_normalize, text_folded

# The longest identifiers an account can have (User.email, User.username).
_EMAIL_MAX_LENGTH = 254
_USERNAME_MAX_LENGTH = 150


def _identifier_unusable(identifier: str, *, max_length: int) -> bool:
    """True for text no account can have, which is not even sent to the database: too long, a NUL
    (PostgreSQL refuses it) or a lone surrogate (it cannot be encoded), as JSON may carry."""
    if len(identifier) > max_length or "\x00" in identifier:
        return True
    try:
        identifier.encode()
    except UnicodeEncodeError:
        return True
    return False


def sign_in_identifier(*, email: str, username: str) -> tuple[str, str]:
    """What signing in looks the account up by, normalised: `("email", address)` when an e-mail
    address is given, else `("username", folded username)`, or `("", "")` when neither is."""
    address = email_normalize(email)
    if address:
        return "email", address
    name = text_folded(username)
    return ("username", name) if name else ("", "")


def user_for_sign_in(*, email: str, username: str = "", lock: bool = False) -> User | None:
    """The account that signing in (or asking for a password reset) with this e-mail address or,
    when none is given, this username means, active or not; None when there is none.

    The login service and the sign-in rate limits both ask this function, so an account is
    counted as one whatever spelling is typed. The address must match exactly once normalised
    (`email_normalize`); the username ignores case, as usernames are unique ignoring case.
    `lock=True` locks the row until the current transaction ends: call it inside one."""
    kind, identifier = sign_in_identifier(email=email, username=username)
    accounts = User.objects.select_for_update() if lock else User.objects.all()
    if kind == "email":
        if _identifier_unusable(identifier, max_length=_EMAIL_MAX_LENGTH):
            return None
        return accounts.filter(email=identifier).first()
    # The username as typed, not folded: the lookup ignores case itself, as registration did.
    typed = username.strip()
    if not kind or _identifier_unusable(typed, max_length=_USERNAME_MAX_LENGTH):
        return None
    return accounts.filter(username__iexact=typed).first()


def is_following_annotation(*, viewer: User | AnonymousUser, user_ref: str = "pk") -> Exists | Value:
    """`True` where `viewer` follows the user at `user_ref` (e.g. "pk", "author"); one subquery."""
    if not viewer.is_authenticated:
        return Value(False, output_field=BooleanField())
    return Exists(Follow.objects.filter(follower_id=viewer.pk, followee_id=OuterRef(user_ref)))


def user_me(*, user: User) -> User:
    """The signed-in user's whole row, as their own profile shows it. A read's `request.user`
    may carry only what authentication needs (users.authentication); then this loads the rest
    in one query instead of one per field. With `avatar_variants`, the smaller copies of the
    avatar (one more query only for a person who has an avatar and a complete row)."""
    if user.get_deferred_fields():
        return User.objects.annotate(avatar_variants=upload_variants_of("avatar")).get(pk=user.pk)
    user.avatar_variants = (  # type: ignore[attr-defined]
        Upload.objects.filter(url=user.avatar).values_list("variants", flat=True).first() if user.avatar else None
    )
    return user


def user_get(*, username: str, viewer: User | AnonymousUser) -> User:
    """The active user with this username (ignoring case), annotated with `is_following` for
    `viewer`; NotFound when there is none: a deactivated account is gone from every
    public page (profile, followers, following, upvotes)."""
    if "\x00" in username:
        raise NotFound()  # no username has one, and PostgreSQL refuses to compare it
    user = (
        User.objects.annotate(
            is_following=is_following_annotation(viewer=viewer), avatar_variants=upload_variants_of("avatar")
        )
        .filter(username__iexact=username, is_active=True)
        .first()
    )
    if user is None:
        raise NotFound()
    return user


def _follow_links(*, viewer: User | AnonymousUser, user_side: str, **filters: User) -> QuerySet[Follow]:
    """Follow rows, newest first, each with its `user_side` user loaded and annotated
    `user_is_following` (the viewer follows that user) and `user_avatar_variants`."""
    return (
        Follow.objects.filter(**filters)
        .select_related(user_side)
        .annotate(
            user_is_following=is_following_annotation(viewer=viewer, user_ref=user_side),
            user_avatar_variants=upload_variants_of(f"{user_side}__avatar"),
        )
        .order_by("-created_at", "-id")
    )


def follower_links(*, user: User, viewer: User | AnonymousUser) -> QuerySet[Follow]:
    """Who follows `user`, newest follow first; the people are the rows' `follower`."""
    return _follow_links(viewer=viewer, user_side="follower", followee=user)


def following_links(*, user: User, viewer: User | AnonymousUser) -> QuerySet[Follow]:
    """Whom `user` follows, newest follow first; the people are the rows' `followee`."""
    return _follow_links(viewer=viewer, user_side="followee", follower=user)
