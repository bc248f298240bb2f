import unicodedata

from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value
from django.http import Http404

from users.models import Follow, User

USER_NOT_FOUND_MESSAGE = "No user has this username."
# The longest identifiers an account can have (User.email, User.username).
_EMAIL_MAX_LENGTH = 254
_USERNAME_MAX_LENGTH = 150


def _folded(text: str) -> str:
    """`text` without surrounding blanks, in Unicode compatibility form (full-width letters, ligatures
    and the like become the plain letters) and case-folded (ß → ss, the long s → s). Normalised again
    after folding, so that folding twice changes nothing."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text.strip()).casefold()).strip()


def email_normalize(email: str) -> str:
    """The one spelling of an e-mail address that Vitrin stores, looks up and counts attempts on.

    The whole address is folded, local part included: "Ada@Example.com" and "ada@example.com"
    are one account. Every path that writes or looks up an address goes through here (the user
    manager's `normalize_email` too), and lookups compare the stored value exactly — never with
    `__iexact`, which PostgreSQL evaluates with UPPER(): that turns a dotless i (U+0131) into I,
    so an address spelt with one in place of an i signed in to the account of the address with
    the i, while the rate limits counted them as two addresses."""
    return _folded(email)


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
    name = _folded(username)
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
    in one query instead of one per field."""
    return User.objects.get(pk=user.pk) if user.get_deferred_fields() else user


def user_get(*, username: str, viewer: User | AnonymousUser) -> User:
    """The active user with this username (ignoring case), annotated with `is_following` for
    `viewer`; Http404 (404) when there is none: a deactivated account is gone from every
    public page (profile, followers, following, upvotes)."""
    if "\x00" in username:
        raise Http404(USER_NOT_FOUND_MESSAGE)  # no username has one, and PostgreSQL refuses to compare it
    user = (
        User.objects.annotate(is_following=is_following_annotation(viewer=viewer))
        .filter(username__iexact=username, is_active=True)
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
