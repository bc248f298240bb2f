"""HTTP interface of accounts, sign-in and follows (see the contract's "Auth" and "Users")."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.views import APIView

from core.throttling import UserRateThrottle, WriteRateThrottle
from users import selectors, services
from users.models import User
from users.serializers import (
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
    TokenPairSerializer,
    UserPublicSerializer,
)
from users.throttling import (
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
        "user": MeSerializer(signed_in.user).data,
        "access": signed_in.tokens.access,
        "refresh": signed_in.tokens.refresh,
    }
    if include_created:
        body["created"] = signed_in.created
    return _set_refresh_cookie(Response(body, status=status_code), signed_in.tokens)


def _refresh_token_of(request: Request) -> str:
    """The refresh token from the body or, when the body has none, from the cookie."""
    token = _validated(RefreshInputSerializer, request).get("refresh") or request.COOKIES.get(
        settings.REFRESH_COOKIE_NAME, ""
    )
    if not token:
        raise ValidationError({"refresh": [NO_REFRESH_GIVEN_MESSAGE]})
    return token


def _caller(request: Request) -> User:
    """The signed-in user of a view whose permission admits only signed-in users."""
    user = request.user
    assert isinstance(user, User)
    return user


class _CredentialsApi(APIView):
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
            "and returns a new pair. Each refresh token works once; a session ends "
            "`SESSION_MAX_DAYS` after sign-in however often it is refreshed."
        ),
        responses={200: TokenPairSerializer, 401: OpenApiResponse(description="Invalid, expired or used token.")},
    )
    def post(self, request: Request) -> Response:
        pair = session_refresh(raw_token=_refresh_token_of(request))
        return _set_refresh_cookie(Response({"access": pair.access, "refresh": pair.refresh}), pair)


class LogoutApi(_CredentialsApi):
    @extend_schema(
        tags=[AUTH_TAG],
        request=RefreshInputSerializer,
        responses={204: None, 401: OpenApiResponse(description="Invalid, expired or used token.")},
    )
    def post(self, request: Request) -> Response:
        session_end(raw_token=_refresh_token_of(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        # Whether or not the token was still valid, the browser should stop sending it.
        return _delete_refresh_cookie(super().finalize_response(request, response, *args, **kwargs))


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
        return Response(MeSerializer(user).data)


class PasswordChangeApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [PasswordChangeThrottle]

    @extend_schema(tags=[AUTH_TAG], request=PasswordChangeInputSerializer, responses={204: None})
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
        responses={200: FollowStateSerializer},
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
            people.append(person)
        return self.get_paginated_response(UserPublicSerializer(people, many=True).data)


class UserFollowersApi(_FollowListApi):
    user_side = "follower"
    links = staticmethod(selectors.follower_links)


class UserFollowingApi(_FollowListApi):
    user_side = "followee"
    links = staticmethod(selectors.following_links)
