"""Writes of the users app: accounts, sign-in, passwords, profiles and follows."""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from core.domain_errors import CredentialsRefused, Invalid, Unavailable
from core.metrics import SIGNUPS, count_after_commit
from notifications.models import NotificationVerb
from notifications.services import notification_create
from uploads.selectors import upload_urls_unknown
from users.account_cache import account_forget
from users.google import GoogleIdentity, google_id_token_verify
from users.models import Follow, SocialAccount, User
from users.selectors import user_for_sign_in
from users.tasks import email_verification_email_send_task, password_reset_email_send_task
from users.tokens import SessionTokens, session_start, user_sessions_revoke
from users.verification import email_verification_token_generator

USERNAME_TAKEN_MESSAGE = "This username is already taken. Please choose another one."
EMAIL_TAKEN_MESSAGE = "An account with this e-mail address already exists. Sign in or reset your password instead."
WRONG_CREDENTIALS_MESSAGE = "No active account matches this e-mail address or username and password."
WRONG_CURRENT_CREDENTIAL_MESSAGE = "Your current password is not correct."
INVALID_RESET_LINK_MESSAGE = "This password reset link is invalid or has already been used. Please ask for a new one."
INVALID_VERIFICATION_LINK_MESSAGE = (
    "This verification link is invalid, expired or has already been used. "
    "Sign in and ask for a new one if your address is not verified yet."
)
DEACTIVATED_MESSAGE = "This account has been deactivated."
AVATAR_NOT_UPLOADED_MESSAGE = "Upload the image through /api/uploads/ first, then use the URL it returns."
FOLLOW_SELF_MESSAGE = "You cannot follow yourself."
# The username of a Google account whose name gives none (see _username_base).
GOOGLE_USERNAME_FALLBACK = "maker"


@dataclass(frozen=True)
class SignedIn:
    user: User
    tokens: SessionTokens
    created: bool = False


# --- accounts -------------------------------------------------------------------------------
def _password_validate(*, password: str, user: User, field: str) -> None:
    """Django's password validators (length, common, numeric, similar to the user's details)."""
    try:
        password_validation.validate_password(password, user=user)
    except DjangoValidationError as exc:
        raise Invalid({field: list(exc.messages)}) from exc


def _taken_fields(*, username: str, email: str) -> dict[str, list[str]]:
    taken: dict[str, list[str]] = {}
    if User.objects.filter(username__iexact=username).exists():
        taken["username"] = [USERNAME_TAKEN_MESSAGE]
    if User.objects.filter(email=User.objects.normalize_email(email)).exists():
        taken["email"] = [EMAIL_TAKEN_MESSAGE]
    return taken


def user_register(*, username: str, email: str, password: str) -> SignedIn:
    """A new account, signed in. 400 naming the field when the username or e-mail address is
    taken (ignoring case) or the password is too weak."""
    email = User.objects.normalize_email(email)
    errors = _taken_fields(username=username, email=email)
    candidate = User(username=username, email=email)
    try:
        password_validation.validate_password(password, user=candidate)
    except DjangoValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise Invalid(errors)
    try:
        with transaction.atomic():
            user = User.objects.create_user(username=username, email=email, password=password)
            tokens = session_start(user=user)
            _email_verification_queue(user=user)
            count_after_commit(SIGNUPS.labels(method="password"))
    except IntegrityError as exc:
        # Somebody registered the same username or e-mail address a moment ago.
        taken = _taken_fields(username=username, email=email)
        if not taken:
            raise
        raise Invalid(taken) from exc
    return SignedIn(user=user, tokens=tokens, created=True)


@transaction.atomic
def user_login(*, password: str, email: str = "", username: str = "") -> SignedIn:
    """Signs in by e-mail address (or username, when no e-mail address is given) and password;
    401 when they do not match an active account. The account is found as the sign-in rate limits
    find it (`user_for_sign_in`), so every spelling that signs in also spends its budget.

    The user's row stays locked from the password check to the new token, so a password change
    running at the same time either revokes this session or makes this password wrong."""
    user = user_for_sign_in(email=email, username=username, lock=True)
    if user is None:
        # Hash anyway, so the response time does not tell which accounts exist.
        User().set_password(password)
        raise CredentialsRefused(WRONG_CREDENTIALS_MESSAGE)
    if not user.check_password(password) or not user.is_active:
        raise CredentialsRefused(WRONG_CREDENTIALS_MESSAGE)
    return SignedIn(user=user, tokens=session_start(user=user))


def user_profile_update(
    *,
    user: User,
    first_name: str | None = None,
    last_name: str | None = None,
    bio: str | None = None,
    website: str | None = None,
    avatar: str | None = None,
) -> User:
    """Changes the given profile fields (None leaves a field as it is). The avatar must be an
    image `user` uploaded through /api/uploads/, or "" to remove it."""
    if avatar and upload_urls_unknown(owner=user, urls=[avatar]):
        raise Invalid({"avatar": [AVATAR_NOT_UPLOADED_MESSAGE]})
    changes = {"first_name": first_name, "last_name": last_name, "bio": bio, "website": website, "avatar": avatar}
    changed = [field for field, value in changes.items() if value is not None]
    for field in changed:
        setattr(user, field, changes[field])
    if changed:
        user.save(update_fields=changed)
    return user


@transaction.atomic
def user_deactivate(*, user: User) -> None:
    """Closes an account without deleting it: it can no longer sign in and its sessions end.
    Accounts are deactivated rather than deleted because a deletion would cascade through
    products, votes, follows and other people's comment threads and leave their counters wrong."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.is_active:
        locked.is_active = False
        locked.save(update_fields=["is_active"])
        account_forget(locked.pk)
    user_sessions_revoke(user=locked)


@transaction.atomic
def user_staff_save(*, user: User, email: str) -> None:
    """Saves an account as staff edited it in the admin (rights, activity, name, profile). The
    cached copy that reads authenticate with is forgotten, so a withdrawn right or a closed
    account applies to the very next request. A new e-mail address (`email`) goes through
    `user_email_change`, which unverifies it and e-mails it a link."""
    user.save()
    account_forget(user.pk)
    if email != user.email:
        user_email_change(user=user, email=email)
        user.refresh_from_db(fields=["email", "email_verified"])


# --- passwords ------------------------------------------------------------------------------
def _password_set(*, user: User, password: str) -> None:
    """Sets the password and revokes every refresh token issued before. Call inside a
    transaction, holding the user's row lock."""
    user.set_password(password)
    user.save(update_fields=["password"])
    user_sessions_revoke(user=user)


@transaction.atomic
def password_change(*, user: User, old_password: str, new_password: str) -> None:
    """400 when `old_password` is wrong or `new_password` too weak; afterwards every refresh
    token of the user is refused."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if not locked.check_password(old_password):
        raise Invalid({"old_password": [WRONG_CURRENT_CREDENTIAL_MESSAGE]})
    _password_validate(password=new_password, user=locked, field="new_password")
    _password_set(user=locked, password=new_password)


def password_reset_request(*, email: str) -> None:
    """E-mails a reset link when an active account has this address (in any spelling that
    normalises to it); says nothing either way."""
    user = user_for_sign_in(email=email)
    if user is None or not user.is_active:
        return
    user_id = user.pk
    password_reset_email_send_task.delay_on_commit(user_id)


def _user_from_uid(uid: str) -> User | None:
    try:
        user_id = force_str(urlsafe_base64_decode(uid))
    except (ValueError, TypeError):
        return None
    if not (user_id.isascii() and user_id.isdigit()) or len(user_id) > 18:
        return None
    return User.objects.select_for_update().filter(pk=int(user_id), is_active=True).first()


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> None:
    """Sets the password chosen through an e-mailed link; 400 when the link is bad or used.
    Every refresh token of the user is refused afterwards."""
    user = _user_from_uid(uid)
    if user is None or not default_token_generator.check_token(user, token):
        raise Invalid({"token": [INVALID_RESET_LINK_MESSAGE]})
    _password_validate(password=new_password, user=user, field="new_password")
    _password_set(user=user, password=new_password)
    # The link reached this person through the account's mailbox: the address is theirs.
    _email_verified_set(user=user)


# --- e-mail verification --------------------------------------------------------------------
def _email_verification_queue(*, user: User) -> None:
    """E-mails `user` a verification link once the current transaction commits."""
    user_id = user.pk
    email_verification_email_send_task.delay_on_commit(user_id)


def _email_verified_set(*, user: User) -> None:
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])


@transaction.atomic
def email_verify(*, uid: str, token: str) -> None:
    """Marks the address of the account in an e-mailed verification link as verified; 400 when
    the link is bad, expired, already used or was sent to an address the account no longer has."""
    user = _user_from_uid(uid)
    if user is None or not email_verification_token_generator.check_token(user, token):
        raise Invalid({"token": [INVALID_VERIFICATION_LINK_MESSAGE]})
    _email_verified_set(user=user)


def email_verification_resend(*, user: User) -> bool:
    """E-mails `user` a new verification link; returns whether one was sent (nothing is sent
    when the address is already verified)."""
    if user.email_verified:
        return False
    _email_verification_queue(user=user)
    return True


@transaction.atomic
def user_email_change(*, user: User, email: str) -> User:
    """Gives the account the address `email`. A different address (ignoring case) is unverified
    until its owner opens the verification link e-mailed to it: proof of the old address says
    nothing about the new one. 400 when another account has the address."""
    email = User.objects.normalize_email(email)
    locked = User.objects.select_for_update().get(pk=user.pk)
    if email == locked.email:
        return locked
    if User.objects.filter(email=email).exclude(pk=locked.pk).exists():
        raise Invalid({"email": [EMAIL_TAKEN_MESSAGE]})
    new_mailbox = email.casefold() != locked.email.casefold()
    locked.email = email
    if new_mailbox:
        locked.email_verified = False
    locked.save(update_fields=["email", "email_verified"])
    if new_mailbox:
        _email_verification_queue(user=locked)
    return locked


# --- Google ---------------------------------------------------------------------------------
def _username_base(*, given_name: str, family_name: str) -> str:
    """ "Jane Doe" → "jane.doe": the name in lower-case ASCII letters and digits, its words joined
    by dots; "maker" when nothing of it is left. Never the e-mail address, which a username
    would make public."""
    name = unicodedata.normalize("NFKD", f"{given_name} {family_name}").encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", name.lower())
    return ".".join(words)[:30].strip(".") or GOOGLE_USERNAME_FALLBACK


def _available_username(base: str) -> str:
    """`base`, numbered when taken (ignoring case): "jane.doe", "jane.doe2", ..."""
    taken = {
        name.lower() for name in User.objects.filter(username__istartswith=base).values_list("username", flat=True)
    }
    candidate, number = base, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _account_reclaim(*, user: User) -> None:
    """Hands an account with an unverified address to the person Google just vouched owns that
    address. Whoever registered it never proved the address and may not be that person: their
    password stops working and every session of the account ends. Call inside a transaction,
    holding the user's row lock."""
    user.set_unusable_password()
    user.email_verified = True
    user.save(update_fields=["password", "email_verified"])
    user_sessions_revoke(user=user)


def _social_account_create(*, identity: GoogleIdentity) -> tuple[User, bool]:
    """Links the identity to the account with its (Google-verified) e-mail address, or to a
    new account without a usable password. Returns the user and whether it was created.

    An account whose address was never verified is reclaimed first (`_account_reclaim`): else
    anybody could register somebody else's address with a password of their own and share the
    account with its owner once the owner signs in with Google. Call inside a transaction."""
    email = User.objects.normalize_email(identity.email)
    user = User.objects.select_for_update().filter(email=email).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(
            username=_available_username(
                _username_base(given_name=identity.given_name, family_name=identity.family_name)
            ),
            email=email,
            password=None,
            first_name=identity.given_name[:150],
            last_name=identity.family_name[:150],
            email_verified=True,
        )
        count_after_commit(SIGNUPS.labels(method="google"))
    elif not user.email_verified:
        _account_reclaim(user=user)
    SocialAccount.objects.create(user=user, issuer=identity.issuer, subject=identity.subject, email=identity.email)
    return user, created


def _social_account_user(*, identity: GoogleIdentity) -> tuple[User, bool]:
    """The user of this Google identity and whether the account was created now. Call inside
    a transaction."""
    for _attempt in range(3):
        account = SocialAccount.objects.select_related("user").filter(issuer=identity.issuer, subject=identity.subject)
        existing = account.first()
        if existing is not None:
            return existing.user, False
        try:
            with transaction.atomic():
                return _social_account_create(identity=identity)
        except IntegrityError:
            continue  # a parallel sign-in took this identity, e-mail address or username first
    raise Unavailable("Signing in with Google failed. Please try again.")


def google_sign_in(*, id_token: str) -> SignedIn:
    """Signs in with a Google ID token, creating the account on the first sign-in; 401 when
    Google did not vouch for the token (see users.google)."""
    identity = google_id_token_verify(id_token=id_token)
    with transaction.atomic():
        user, created = _social_account_user(identity=identity)
        if not user.is_active:
            raise CredentialsRefused(DEACTIVATED_MESSAGE)
        return SignedIn(user=user, tokens=session_start(user=user), created=created)


# --- follows --------------------------------------------------------------------------------
def _follow_counters_add(*, follower: User, followee: User, delta: int) -> None:
    # Rows are updated in id order so that A following B while B follows A cannot deadlock.
    counters = {followee.pk: "followers_count", follower.pk: "following_count"}
    for user_id in sorted(counters):
        field = counters[user_id]
        User.objects.filter(pk=user_id).update(**{field: Greatest(F(field) + delta, 0)})


def _followers_count(user: User) -> int:
    return User.objects.values_list("followers_count", flat=True).get(pk=user.pk)


@transaction.atomic
def follow_add(*, follower: User, followee: User) -> int:
    """`follower` follows `followee` (once, however often asked); returns the followee's
    followers count. The counters change and the followee is notified only for a new follow."""
    if follower.pk == followee.pk:
        raise Invalid(FOLLOW_SELF_MESSAGE)
    _, created = Follow.objects.get_or_create(follower=follower, followee=followee)
    if created:
        _follow_counters_add(follower=follower, followee=followee, delta=1)
        notification_create(recipient=followee, actor=follower, verb=NotificationVerb.FOLLOW)
    return _followers_count(followee)


@transaction.atomic
def follow_remove(*, follower: User, followee: User) -> int:
    """`follower` stops following `followee` (nothing happens when they did not follow);
    returns the followee's followers count."""
    deleted, _ = Follow.objects.filter(follower=follower, followee=followee).delete()
    if deleted:
        _follow_counters_add(follower=follower, followee=followee, delta=-1)
    return _followers_count(followee)
