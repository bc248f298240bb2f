"""HTTP interface of accounts, sign-in and follows (see the contract's "Auth" and "Users")."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, UnsupportedMediaType, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.views import APIView

from core.parsers import JSONParser
from core.throttling import UserRateThrottle, WriteRateThrottle
from users import selectors, services
from users.models import User
from users.serializers import (
    EmailVerifyInputSerializer,
    FollowStateSerializer,
    GoogleSignedInSerializer,
    GoogleSignInInputSerializer,
    LoginInputSerializer,
    MeSerializer,
    PasswordChangeInputSerializer,
    PasswordResetConfirmInputSerializer,
    PasswordResetInputSerializer,
    ProfileUpdateInputSerializer,
    RefreshInputSerializer,
    RegisterInputSerializer,
    SignedInSerializer,
    UserPublicSerializer,
)
from users.throttling import (
    EmailVerificationResendThrottle,
    EmailVerifyIpThrottle,
    LoginAccountThrottle,
    LoginIpThrottle,
    PasswordChangeThrottle,
    PasswordResetAccountThrottle,
    PasswordResetIpThrottle,
    RegisterThrottle,
)
from users.tokens import SessionTokens, session_end, session_refresh, session_start

AUTH_TAG = "auth"
USERS_TAG = "users"
NO_REFRESH_GIVEN_MESSAGE = "Send the refresh token in the body (refresh) or in the sign-in cookie."
CROSS_SITE_MESSAGE = (
    "Vitrin's sign-in only answers requests made by Vitrin's own pages. "
    "This request came from another website, so nothing was done."
)
USERNAME_PARAMETER = OpenApiParameter("username", str, OpenApiParameter.PATH, description="Any letter case.")


def _validated(serializer_class: type[Serializer[Any]], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


# --- the refresh token cookie of the web app ------------------------------------------------
def _set_refresh_cookie(response: Response, pair: SessionTokens) -> Response:
    remaining = max(0, int((pair.refresh_expires_at - timezone.now()).total_seconds()))
    response.set_cookie(
        settings.REFRESH_COOKIE_NAME,
        pair.refresh,
        max_age=remaining,
        path=settings.REFRESH_COOKIE_PATH,
        secure=settings.REFRESH_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def _delete_refresh_cookie(response: Response) -> Response:
    response.delete_cookie(settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH, samesite="Strict")
    return response


def _signed_in_response(
    signed_in: services.SignedIn, *, status_code: int = 200, include_created: bool = False
) -> Response:
    body: dict[str, Any] = {
        "user": MeSerializer(selectors.user_me(user=signed_in.user)).data,
        "access": signed_in.tokens.access,
        "refresh": signed_in.tokens.refresh,
    }
    if include_created:
        body["created"] = signed_in.created
    return _set_refresh_cookie(Response(body, status=status_code), signed_in.tokens)


def _refresh_token_of(request: Request) -> tuple[str, bool]:
    """The refresh token from the body or, when the body has none, from the cookie; and whether
    it came from the cookie."""
    in_body = _validated(RefreshInputSerializer, request).get("refresh")
    if in_body:
        return in_body, False
    in_cookie = request.COOKIES.get(settings.REFRESH_COOKIE_NAME, "")
    if not in_cookie:
        raise ValidationError({"refresh": [NO_REFRESH_GIVEN_MESSAGE]})
    return in_cookie, True


def _caller(request: Request) -> User:
    """The signed-in user of a view whose permission admits only signed-in users."""
    user = request.user
    assert isinstance(user, User)
    return user


def _comes_from_another_site(request: Request) -> bool:
    """Whether a browser sent `request` for a page of another site.

    Browsers name the page's origin in `Origin` on every POST, and say in `Sec-Fetch-Site` how it
    relates to ours. Clients that are not browsers (curl, mobile apps, servers) send neither and
    are let through: they hold their own credentials, there is no victim's cookie to ride on.
    `CSRF_TRUSTED_ORIGINS` adds exact origins of the same site (`www.` beside the bare domain, a
    development server on another port); a cross-site `Sec-Fetch-Site` is refused regardless.
    """
    if request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own_origin = f"{request.scheme}://{request.get_host()}"
    trusted = {own_origin.lower(), *(trusted.lower() for trusted in settings.CSRF_TRUSTED_ORIGINS)}
    return origin.lower() not in trusted  # "null" (a sandboxed or opaque page) is never trusted


class _SameSiteJsonApi(APIView):
    """An endpoint of signing in and out: it sets or spends the refresh cookie, or changes what
    the account signs in with. Only Vitrin's own pages may call it (403 otherwise), else a page
    on another site could sign the visitor's browser into the attacker's account (login CSRF)
    or act with the visitor's cookie. It reads JSON only (415 otherwise): an HTML form cannot
    send JSON, so no other site can post to it without the browser asking us first (CORS)."""

    parser_classes = [JSONParser]
    # Given in `initial`, outside the permission classes: the schema (core.schema) lists it from here.
    error_answers = {403: "Sent from a page of another website: only Vitrin's own pages may call this."}

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if _comes_from_another_site(request):
            raise PermissionDenied(CROSS_SITE_MESSAGE)
        # DRF checks the type of a body only when there is one: a form without fields would pass.
        if request.content_type and self.get_content_negotiator().select_parser(request, self.get_parsers()) is None:
            raise UnsupportedMediaType(request.content_type)
        super().initial(request, *args, **kwargs)


class _CredentialsApi(_SameSiteJsonApi):
    """An endpoint that is handed credentials in its body: whatever `Authorization` header the
    client still sends (an expired access token, say) is not looked at."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    def get_authenticate_header(self, request: Request) -> str:
        # Without it DRF would turn this endpoint's 401 (wrong credentials) into a 403.
        return 'Bearer realm="api"'


# --- auth -----------------------------------------------------------------------------------
class RegisterApi(_CredentialsApi):
    throttle_classes = [RegisterThrottle]

    @extend_schema(tags=[AUTH_TAG], request=RegisterInputSerializer, responses={201: SignedInSerializer})
    def post(self, request: Request) -> Response:
        signed_in = services.user_register(**_validated(RegisterInputSerializer, request))
        return _signed_in_response(signed_in, status_code=status.HTTP_201_CREATED)


class LoginApi(_CredentialsApi):
    throttle_classes = [LoginIpThrottle, LoginAccountThrottle]

    @extend_schema(
        tags=[AUTH_TAG],
        request=LoginInputSerializer,
        responses={200: SignedInSerializer, 401: OpenApiResponse(description="Wrong credentials.")},
    )
    def post(self, request: Request) -> Response:
        return _signed_in_response(services.user_login(**_validated(LoginInputSerializer, request)))


class RefreshApi(_CredentialsApi):
    @extend_schema(
        tags=[AUTH_TAG],
        request=RefreshInputSerializer,
        description=(
            "Spends the refresh token (from the body, or the web app's cookie when the body has none) "
            "and returns a new pair. A token that came in the cookie goes back in the cookie only: the "
            "body then has no `refresh`. Each refresh token works once; a spent one presented again "
            "revokes every token of its sign-in. A session ends `SESSION_MAX_DAYS` after sign-in "
            "however often it is refreshed."
        ),
        responses={
            200: inline_serializer(
                "RefreshedTokens",
                {
                    "access": serializers.CharField(),
                    "refresh": serializers.CharField(
                        required=False, help_text="Only when the spent token came in the body."
                    ),
                },
            ),
            401: OpenApiResponse(description="Invalid, expired or used token."),
        },
    )
    def post(self, request: Request) -> Response:
        raw_token, from_cookie = _refresh_token_of(request)
        pair = session_refresh(raw_token=raw_token)
        # Script injected into the page could read the body, never the httpOnly cookie.
        body = {"access": pair.access} if from_cookie else {"access": pair.access, "refresh": pair.refresh}
        return _set_refresh_cookie(Response(body), pair)


class LogoutApi(_CredentialsApi):
    @extend_schema(
        tags=[AUTH_TAG],
        request=RefreshInputSerializer,
        responses={204: None, 401: OpenApiResponse(description="Invalid, expired or used token.")},
    )
    def post(self, request: Request) -> Response:
        session_end(raw_token=_refresh_token_of(request)[0])
        return Response(status=status.HTTP_204_NO_CONTENT)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        # Whether or not the token was still valid, the browser should stop sending it; but
        # another site may not sign the visitor out.
        response = super().finalize_response(request, response, *args, **kwargs)
        return response if _comes_from_another_site(request) else _delete_refresh_cookie(response)


class GoogleSignInApi(_CredentialsApi):
    throttle_classes = [LoginIpThrottle]

    @extend_schema(
        tags=[AUTH_TAG],
        request=GoogleSignInInputSerializer,
        description=(
            "Signs in with a Google ID token, creating the account on the first sign-in (`created`). "
            "An existing account is linked when Google has verified its e-mail address. "
            "503 when the server has no Google client id configured or Google's keys cannot be fetched."
        ),
        responses={
            200: GoogleSignedInSerializer,
            401: OpenApiResponse(description="Forged, expired, for another audience, or unverified e-mail."),
            503: OpenApiResponse(description="Google sign-in is not set up on this server, or Google is unreachable."),
        },
    )
    def post(self, request: Request) -> Response:
        signed_in = services.google_sign_in(**_validated(GoogleSignInInputSerializer, request))
        return _signed_in_response(signed_in, include_created=True)


class MeApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [UserRateThrottle, WriteRateThrottle]

    @extend_schema(tags=[AUTH_TAG], responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(selectors.user_me(user=_caller(request))).data)

    @extend_schema(
        tags=[AUTH_TAG],
        request=ProfileUpdateInputSerializer,
        responses=MeSerializer,
        description="Changes any of the five profile fields; a body naming any other field is refused (400).",
    )
    def patch(self, request: Request) -> Response:
        user = services.user_profile_update(user=_caller(request), **_validated(ProfileUpdateInputSerializer, request))
        return Response(MeSerializer(selectors.user_me(user=user)).data)


class PasswordChangeApi(_SameSiteJsonApi):
    permission_classes = [IsAuthenticated]
    throttle_classes = [PasswordChangeThrottle]

    @extend_schema(
        tags=[AUTH_TAG],
        request=PasswordChangeInputSerializer,
        responses={204: None},
        description=(
            "Every refresh token of the account is refused from then on. A caller that sent the web "
            "app's cookie gets a new session in a new cookie; API clients sign in again."
        ),
    )
    def post(self, request: Request) -> Response:
        user = _caller(request)
        services.password_change(user=user, **_validated(PasswordChangeInputSerializer, request))
        # Every refresh token, the cookie's too, has just been revoked. The web app (it sent
        # the cookie) keeps the session the person is using: a new one, in a new cookie. API
        # clients sign in again with the new password.
        response = Response(status=status.HTTP_204_NO_CONTENT)
        if settings.REFRESH_COOKIE_NAME in request.COOKIES:
            return _set_refresh_cookie(response, session_start(user=user))
        return _delete_refresh_cookie(response)


class PasswordResetApi(_CredentialsApi):
    throttle_classes = [PasswordResetIpThrottle, PasswordResetAccountThrottle]

    @extend_schema(tags=[AUTH_TAG], request=PasswordResetInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        services.password_reset_request(**_validated(PasswordResetInputSerializer, request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetConfirmApi(_CredentialsApi):
    @extend_schema(tags=[AUTH_TAG], request=PasswordResetConfirmInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        services.password_reset_confirm(**_validated(PasswordResetConfirmInputSerializer, request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- e-mail verification --------------------------------------------------------------------
class EmailVerifyApi(_CredentialsApi):
    # Anyone holding the e-mailed link may open it, signed in or not, on any device.
    throttle_classes = [EmailVerifyIpThrottle]

    @extend_schema(
        tags=[AUTH_TAG],
        request=EmailVerifyInputSerializer,
        description=(
            "Verifies the account's e-mail address with the `uid` and `token` of the link e-mailed after "
            "sign-up. The link works once, dies when the address changes and expires after "
            "`EMAIL_VERIFICATION_TIMEOUT` (3 days)."
        ),
        responses={204: None, 400: OpenApiResponse(description="A bad, used or expired link (under `token`).")},
    )
    def post(self, request: Request) -> Response:
        services.email_verify(**_validated(EmailVerifyInputSerializer, request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class EmailVerificationResendApi(_SameSiteJsonApi):
    permission_classes = [IsAuthenticated]
    throttle_classes = [EmailVerificationResendThrottle]

    @extend_schema(
        tags=[AUTH_TAG],
        request=None,
        description="E-mails the signed-in user a new verification link; nothing is sent when the address "
        "is already verified. A few per hour (`429` beyond).",
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        services.email_verification_resend(user=_caller(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- users and follows ----------------------------------------------------------------------
class UserDetailApi(APIView):
    @extend_schema(tags=[USERS_TAG], parameters=[USERNAME_PARAMETER], responses=UserPublicSerializer)
    def get(self, request: Request, username: str) -> Response:
        return Response(UserPublicSerializer(selectors.user_get(username=username, viewer=request.user)).data)


class UserFollowApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [UserRateThrottle, WriteRateThrottle]

    @extend_schema(
        tags=[USERS_TAG],
        parameters=[USERNAME_PARAMETER],
        request=None,
        responses={200: FollowStateSerializer, 400: OpenApiResponse(description="You cannot follow yourself.")},
        description="Idempotent; following yourself is a 400. The followed user is notified of a new follow.",
    )
    def post(self, request: Request, username: str) -> Response:
        followee = selectors.user_get(username=username, viewer=request.user)
        count = services.follow_add(follower=_caller(request), followee=followee)
        return Response({"following": True, "followers_count": count})

    @extend_schema(
        tags=[USERS_TAG],
        parameters=[USERNAME_PARAMETER],
        request=None,
        responses={200: FollowStateSerializer},
        description='Idempotent; "unfollowing" yourself changes nothing and answers `following: false`.',
    )
    def delete(self, request: Request, username: str) -> Response:
        followee = selectors.user_get(username=username, viewer=request.user)
        count = services.follow_remove(follower=_caller(request), followee=followee)
        return Response({"following": False, "followers_count": count})


class _FollowListApi(generics.ListAPIView[Any]):
    """People linked to a user by Follow rows, newest follow first. The rows are paginated (the
    keyset is the row's `created_at, id`) and the person on `user_side` of each is shown."""

    serializer_class = UserPublicSerializer
    filter_backends: list[type] = []
    user_side = ""
    links: Callable[..., QuerySet[Any]]

    @extend_schema(tags=[USERS_TAG], parameters=[USERNAME_PARAMETER])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = selectors.user_get(username=self.kwargs["username"], viewer=request.user)
        page = self.paginate_queryset(self.links(user=user, viewer=request.user)) or []
        people = []
        for link in page:
            person = getattr(link, self.user_side)
            person.is_following = link.user_is_following
            person.avatar_variants = link.user_avatar_variants
            people.append(person)
        return self.get_paginated_response(UserPublicSerializer(people, many=True).data)


class UserFollowersApi(_FollowListApi):
    user_side = "follower"
    links = staticmethod(selectors.follower_links)


class UserFollowingApi(_FollowListApi):
    user_side = "followee"
    links = staticmethod(selectors.following_links)
