from datetime import UTC, datetime, timedelta
from functools import partial

import jwt
import pytest
from django.conf import settings
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from core.tests.support import run_at_once, skip_unless_postgres
from users.models import User
from users.tests.factories import UserFactory
from users.tests.support import Clock, decoded, sign_in

REFRESH = "/api/auth/refresh/"
LOGOUT = "/api/auth/logout/"
COOKIE = "vitrin_refresh"
REFUSED = {"detail": "This refresh token is invalid, expired or already used. Please sign in again."}
DAY = 24 * 3600


def session_token(user: User, *, auth_time: int, exp: int) -> str:
    """A refresh token we signed and recorded, with the session start and expiry given."""
    token = RefreshToken()
    token["user_id"] = str(user.pk)
    token["auth_time"] = auth_time
    token["exp"] = exp
    OutstandingToken.objects.create(
        user=user, jti=token["jti"], token=str(token), expires_at=datetime.fromtimestamp(exp, tz=UTC)
    )
    return str(token)


# --- rotation -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_refresh_rotates_the_token(api_client: APIClient, user: User) -> None:
    first = sign_in(api_client, user).json()["refresh"]

    response = api_client.post(REFRESH, {"refresh": first})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh"}
    assert body["refresh"] != first
    assert decoded(body["access"])["user_id"] == str(user.id)
    assert decoded(body["refresh"])["auth_time"] == decoded(first)["auth_time"]
    assert response.cookies[COOKIE].value == body["refresh"]
    assert OutstandingToken.objects.filter(user=user).count() == 2
    assert list(BlacklistedToken.objects.values_list("token__jti", flat=True)) == [decoded(first)["jti"]]


@pytest.mark.django_db
def test_a_rotated_refresh_token_is_refused(api_client: APIClient, user: User) -> None:
    first = sign_in(api_client, user).json()["refresh"]
    second = api_client.post(REFRESH, {"refresh": first}).json()["refresh"]

    replayed = api_client.post(REFRESH, {"refresh": first})
    rotated_again = api_client.post(REFRESH, {"refresh": second})

    assert replayed.status_code == 401
    assert replayed.json() == REFUSED
    assert COOKIE not in replayed.cookies
    assert rotated_again.status_code == 200


@pytest.mark.django_db
def test_the_new_access_token_authenticates(api_client: APIClient, user: User) -> None:
    refresh = sign_in(api_client, user).json()["refresh"]
    access = api_client.post(REFRESH, {"refresh": refresh}).json()["access"]

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    assert client.get("/api/auth/me/").json()["id"] == user.id


@pytest.mark.django_db
def test_refresh_takes_the_token_from_the_cookie_when_the_body_has_none(api_client: APIClient, user: User) -> None:
    sign_in(api_client, user)  # the client keeps the cookie, as a browser does

    from_cookie = api_client.post(REFRESH, {})
    from_cookie_again = api_client.post(REFRESH, {"refresh": ""})

    assert from_cookie.status_code == 200
    assert from_cookie_again.status_code == 200
    assert decoded(from_cookie_again.cookies[COOKIE].value)["token_type"] == "refresh"
    assert decoded(from_cookie_again.json()["access"])["user_id"] == str(user.id)


@pytest.mark.django_db
def test_a_refresh_from_the_cookie_keeps_the_refresh_token_out_of_the_body(api_client: APIClient, user: User) -> None:
    """Script injected into the web app could read the body, never the httpOnly cookie: a token
    that came in the cookie goes back in the cookie only."""
    sign_in(api_client, user)

    response = api_client.post(REFRESH, {})

    assert response.status_code == 200
    assert set(response.json()) == {"access"}
    assert decoded(response.cookies[COOKIE].value)["jti"] in set(
        OutstandingToken.objects.filter(blacklistedtoken__isnull=True).values_list("jti", flat=True)
    )


@pytest.mark.django_db
def test_a_refresh_from_the_body_still_answers_the_new_refresh_token(api_client: APIClient, user: User) -> None:
    first = sign_in(APIClient(), user).json()["refresh"]

    response = api_client.post(REFRESH, {"refresh": first})

    assert response.status_code == 200
    assert set(response.json()) == {"access", "refresh"}
    assert response.cookies[COOKIE].value == response.json()["refresh"]


@pytest.mark.django_db
def test_refresh_prefers_the_body_to_the_cookie(api_client: APIClient, user: User) -> None:
    in_body = sign_in(APIClient(), user).json()["refresh"]
    api_client.cookies[COOKIE] = "garbage"

    response = api_client.post(REFRESH, {"refresh": in_body})

    assert response.status_code == 200
    assert decoded(response.json()["access"])["user_id"] == str(user.pk)
    assert response.cookies[COOKIE].value == response.json()["refresh"]
    # the body's token is the one rotated: it is spent now, while the cookie's was never read
    assert list(BlacklistedToken.objects.values_list("token__jti", flat=True)) == [decoded(in_body)["jti"]]


@pytest.mark.django_db
def test_refresh_without_a_token_is_a_400(api_client: APIClient) -> None:
    response = api_client.post(REFRESH, {})

    assert response.status_code == 400
    assert response.json() == {"refresh": ["Send the refresh token in the body (refresh) or in the sign-in cookie."]}


@pytest.mark.django_db
def test_refresh_refuses_tokens_that_are_not_valid_refresh_tokens(api_client: APIClient, user: User) -> None:
    signed_in = sign_in(api_client, user).json()
    other_key = jwt.encode(
        {**decoded(signed_in["refresh"]), "jti": "forged"},
        "a-signing-key-that-vitrin-does-not-use-0123456789",
        algorithm="HS256",
    )
    unrecorded = RefreshToken()
    unrecorded["user_id"] = str(user.pk)
    unrecorded["auth_time"] = decoded(signed_in["refresh"])["auth_time"]

    for token in ["garbage", signed_in["access"], other_key, str(unrecorded), "a.b.c", "x" * 5000]:
        response = api_client.post(REFRESH, {"refresh": token})

        assert response.status_code == 401, token
        assert response.json() == REFUSED
    assert OutstandingToken.objects.count() == 1


@pytest.mark.django_db
def test_refresh_refuses_a_token_without_a_session_start(api_client: APIClient, user: User) -> None:
    legacy = RefreshToken.for_user(user)  # recorded, but without `auth_time`

    response = api_client.post(REFRESH, {"refresh": str(legacy)})

    assert response.status_code == 401


@pytest.mark.django_db
def test_refresh_refuses_an_inactive_user(api_client: APIClient, user: User) -> None:
    refresh = sign_in(api_client, user).json()["refresh"]
    User.objects.filter(pk=user.pk).update(is_active=False)

    response = api_client.post(REFRESH, {"refresh": refresh})

    assert response.status_code == 401
    assert not BlacklistedToken.objects.exists()


# --- the session's absolute lifetime --------------------------------------------------------
@pytest.mark.django_db
def test_a_session_older_than_its_maximum_cannot_be_refreshed(api_client: APIClient, user: User) -> None:
    now = int(datetime.now(tz=UTC).timestamp())
    started = now - settings.SESSION_MAX_DAYS * DAY - 1
    token = session_token(user, auth_time=started, exp=now + 7 * DAY)

    response = api_client.post(REFRESH, {"refresh": token})

    assert response.status_code == 401
    assert response.json() == {"detail": "This session has reached its maximum length. Please sign in again."}


@pytest.mark.django_db
def test_rotation_caps_the_token_at_the_end_of_the_session(api_client: APIClient, user: User) -> None:
    now = int(datetime.now(tz=UTC).timestamp())
    started = now - (settings.SESSION_MAX_DAYS - 1) * DAY
    token = session_token(user, auth_time=started, exp=now + 60)

    response = api_client.post(REFRESH, {"refresh": token})

    assert response.status_code == 200
    session_end = started + settings.SESSION_MAX_DAYS * DAY
    assert decoded(response.json()["refresh"])["exp"] == session_end
    assert decoded(response.json()["access"])["exp"] <= session_end
    assert OutstandingToken.objects.get(
        jti=decoded(response.json()["refresh"])["jti"]
    ).expires_at == datetime.fromtimestamp(session_end, tz=UTC)
    assert DAY - 5 <= response.cookies[COOKIE]["max-age"] <= DAY


@pytest.mark.django_db
def test_rotating_every_few_days_never_outlives_the_session(api_client: APIClient, user: User, clock: Clock) -> None:
    login = sign_in(api_client, user).json()
    started = decoded(login["refresh"])["auth_time"]
    session_end = started + settings.SESSION_MAX_DAYS * DAY
    assert decoded(login["refresh"])["exp"] == started + settings.REFRESH_TOKEN_DAYS * DAY

    clock.travel(days=13)
    day_13 = api_client.post(REFRESH, {})
    clock.travel(days=13)
    day_26 = api_client.post(REFRESH, {})
    clock.travel(days=4, seconds=-1)
    last_second = api_client.post(REFRESH, {})
    clock.travel(seconds=1)
    at_the_end = api_client.post(REFRESH, {})

    assert day_13.status_code == 200
    assert decoded(day_13.cookies[COOKIE].value)["exp"] == started + (13 + settings.REFRESH_TOKEN_DAYS) * DAY
    assert day_26.status_code == 200
    assert decoded(day_26.cookies[COOKIE].value)["exp"] == session_end
    assert day_26.cookies[COOKIE]["max-age"] == 4 * DAY
    assert last_second.status_code == 200
    assert decoded(last_second.cookies[COOKIE].value)["exp"] == session_end
    assert last_second.cookies[COOKIE]["max-age"] == 1
    assert at_the_end.status_code == 401


@pytest.mark.django_db
def test_a_new_login_starts_a_new_session(api_client: APIClient, user: User, clock: Clock) -> None:
    first = sign_in(api_client, user).json()["refresh"]
    clock.travel(days=40)

    second = sign_in(api_client, user).json()["refresh"]

    assert decoded(second)["auth_time"] == decoded(first)["auth_time"] + 40 * DAY
    assert api_client.post(REFRESH, {"refresh": second}).status_code == 200


# --- the cookie -----------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_refresh_cookie_is_http_only_strict_and_scoped_to_auth(api_client: APIClient, user: User) -> None:
    response = sign_in(api_client, user)

    cookie = response.cookies[COOKIE]
    assert cookie.value == response.json()["refresh"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/api/auth/"
    assert cookie["secure"] == ""
    assert settings.REFRESH_TOKEN_DAYS * DAY - 5 <= cookie["max-age"] <= settings.REFRESH_TOKEN_DAYS * DAY


@pytest.mark.django_db
def test_the_refresh_cookie_is_secure_when_configured(api_client: APIClient, user: User, settings: Settings) -> None:
    settings.REFRESH_COOKIE_SECURE = True

    response = sign_in(api_client, user)

    assert response.cookies[COOKIE]["secure"] is True


# --- logout ---------------------------------------------------------------------------------
@pytest.mark.django_db
def test_logout_revokes_the_refresh_token(api_client: APIClient, user: User) -> None:
    refresh = sign_in(api_client, user).json()["refresh"]

    response = api_client.post(LOGOUT, {"refresh": refresh})

    assert response.status_code == 204
    assert response.content == b""
    assert response.cookies[COOKIE].value == ""
    assert response.cookies[COOKIE]["max-age"] == 0
    assert response.cookies[COOKIE]["path"] == "/api/auth/"
    assert api_client.post(REFRESH, {"refresh": refresh}).status_code == 401
    assert api_client.post(LOGOUT, {"refresh": refresh}).status_code == 401


@pytest.mark.django_db
def test_logout_takes_the_token_from_the_cookie(api_client: APIClient, user: User) -> None:
    refresh = sign_in(api_client, user).json()["refresh"]

    response = api_client.post(LOGOUT, {})

    assert response.status_code == 204
    assert BlacklistedToken.objects.get().token.jti == decoded(refresh)["jti"]
    assert APIClient().post(REFRESH, {"refresh": refresh}).status_code == 401


@pytest.mark.django_db
def test_logout_leaves_the_other_sessions_alone(api_client: APIClient, user: User) -> None:
    phone = sign_in(APIClient(), user).json()["refresh"]
    laptop = sign_in(APIClient(), user).json()["refresh"]

    api_client.post(LOGOUT, {"refresh": laptop})

    assert api_client.post(REFRESH, {"refresh": phone}).status_code == 200


@pytest.mark.django_db
def test_logout_with_a_bad_token_is_a_401_and_still_clears_the_cookie(api_client: APIClient) -> None:
    api_client.cookies[COOKIE] = "garbage"

    response = api_client.post(LOGOUT, {})

    assert response.status_code == 401
    assert response.json() == REFUSED
    assert response.cookies[COOKIE]["max-age"] == 0


@pytest.mark.django_db
def test_logout_without_a_token_is_a_400(api_client: APIClient) -> None:
    response = api_client.post(LOGOUT, {})

    assert response.status_code == 400


# --- concurrency (PostgreSQL) ---------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_refresh_token_works_exactly_once_under_concurrency() -> None:
    skip_unless_postgres()
    user = UserFactory.create()
    refresh = sign_in(APIClient(), user).json()["refresh"]

    responses = run_at_once([partial(APIClient().post, REFRESH, {"refresh": refresh}) for _ in range(20)])

    assert sorted(response.status_code for response in responses) == [200] + [401] * 19
    assert OutstandingToken.objects.filter(user=user).count() == 2
    assert BlacklistedToken.objects.count() == 1
    # One client sending its token twice at once (two tabs restoring the session) is not a
    # theft: the 19 replays came within the grace window, so the winner's session lives on.
    (winner,) = [response.json()["refresh"] for response in responses if response.status_code == 200]
    assert APIClient().post(REFRESH, {"refresh": winner}).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_logout_racing_refresh_lets_only_one_through() -> None:
    skip_unless_postgres()
    user = UserFactory.create()
    refresh = sign_in(APIClient(), user).json()["refresh"]
    paths = [REFRESH, LOGOUT] * 5

    responses = run_at_once([partial(APIClient().post, path, {"refresh": refresh}) for path in paths])
    statuses = [response.status_code for response in responses]

    # Which one wins is the race's to decide; the winner answers as its endpoint does.
    (winner,) = [(path, status) for path, status in zip(paths, statuses, strict=True) if status != 401]
    assert winner == (winner[0], {REFRESH: 200, LOGOUT: 204}[winner[0]])
    assert BlacklistedToken.objects.count() == 1


@pytest.mark.django_db
def test_every_issued_refresh_token_is_recorded(api_client: APIClient, user: User) -> None:
    issued = [sign_in(api_client, user).json()["refresh"]]
    for _ in range(3):
        issued.append(api_client.post(REFRESH, {}).cookies[COOKIE].value)

    recorded = set(OutstandingToken.objects.filter(user=user).values_list("jti", flat=True))
    assert recorded == {decoded(token)["jti"] for token in issued}
    expiry = OutstandingToken.objects.get(jti=decoded(issued[-1])["jti"]).expires_at
    assert expiry == datetime.fromtimestamp(decoded(issued[-1])["exp"], tz=UTC)
    assert expiry - datetime.now(tz=UTC) <= timedelta(days=settings.REFRESH_TOKEN_DAYS)


# --- reuse of a spent token: the session was copied -----------------------------------------
def is_live(token: str) -> bool:
    return APIClient().post(REFRESH, {"refresh": token}).status_code == 200


@pytest.mark.django_db
def test_refresh_tokens_carry_their_session_across_rotations(api_client: APIClient, user: User) -> None:
    first = sign_in(api_client, user).json()["refresh"]
    second = api_client.post(REFRESH, {"refresh": first}).json()["refresh"]
    other_sign_in = sign_in(APIClient(), user).json()["refresh"]

    assert decoded(second)["sid"] == decoded(first)["sid"]
    assert decoded(other_sign_in)["sid"] != decoded(first)["sid"]


@pytest.mark.django_db
def test_replaying_a_spent_token_revokes_its_whole_session(api_client: APIClient, user: User, clock: Clock) -> None:
    """A signs in (t1) and rotates to t2 and t3; an attacker who copied t1 replays it."""
    t1 = sign_in(api_client, user).json()["refresh"]
    t2 = api_client.post(REFRESH, {"refresh": t1}).json()["refresh"]
    t3 = api_client.post(REFRESH, {"refresh": t2}).json()["refresh"]
    phone = sign_in(APIClient(), user).json()["refresh"]  # another sign-in of A
    clock.travel(seconds=settings.REFRESH_REUSE_GRACE_SECONDS)

    replayed = APIClient().post(REFRESH, {"refresh": t1})

    assert replayed.status_code == 401
    assert replayed.json() == REFUSED
    assert COOKIE not in replayed.cookies
    session = {decoded(token)["jti"] for token in (t1, t2, t3)}
    assert set(BlacklistedToken.objects.values_list("token__jti", flat=True)) == session
    assert api_client.post(REFRESH, {"refresh": t3}).status_code == 401
    assert api_client.post(REFRESH, {}).status_code == 401  # the cookie holds t3
    assert is_live(phone)


@pytest.mark.django_db
def test_the_victim_coming_back_ends_the_session_a_thief_rotated(user: User, clock: Clock) -> None:
    t1 = sign_in(APIClient(), user).json()["refresh"]
    thiefs = APIClient().post(REFRESH, {"refresh": t1}).json()["refresh"]
    clock.travel(minutes=5)

    victims_turn = APIClient().post(REFRESH, {"refresh": t1})

    assert victims_turn.status_code == 401
    assert not is_live(thiefs)


@pytest.mark.django_db
def test_replaying_through_logout_revokes_the_session_too(user: User, clock: Clock) -> None:
    t1 = sign_in(APIClient(), user).json()["refresh"]
    t2 = APIClient().post(REFRESH, {"refresh": t1}).json()["refresh"]
    clock.travel(minutes=1)

    response = APIClient().post(LOGOUT, {"refresh": t1})

    assert response.status_code == 401
    assert response.json() == REFUSED
    assert not is_live(t2)


@pytest.mark.django_db
def test_a_replay_within_the_grace_window_leaves_the_session_alone(user: User, clock: Clock) -> None:
    t1 = sign_in(APIClient(), user).json()["refresh"]
    t2 = APIClient().post(REFRESH, {"refresh": t1}).json()["refresh"]
    clock.travel(seconds=settings.REFRESH_REUSE_GRACE_SECONDS - 1)

    replayed = APIClient().post(REFRESH, {"refresh": t1})

    assert replayed.status_code == 401
    assert replayed.json() == REFUSED
    assert BlacklistedToken.objects.count() == 1
    assert is_live(t2)


@pytest.mark.django_db
def test_a_forged_or_unknown_token_revokes_nothing(api_client: APIClient, user: User, clock: Clock) -> None:
    t1 = sign_in(api_client, user).json()["refresh"]
    forged = jwt.encode(
        {**decoded(t1), "jti": "forged"}, "a-signing-key-that-vitrin-does-not-use-0123456789", algorithm="HS256"
    )
    unrecorded = RefreshToken()
    unrecorded["user_id"] = str(user.pk)
    unrecorded["auth_time"] = decoded(t1)["auth_time"]
    unrecorded["sid"] = decoded(t1)["sid"]
    clock.travel(minutes=1)

    statuses = [APIClient().post(REFRESH, {"refresh": token}).status_code for token in (forged, str(unrecorded))]

    assert statuses == [401, 401]
    assert not BlacklistedToken.objects.exists()
    assert is_live(t1)


@pytest.mark.django_db
def test_a_token_from_before_sessions_had_ids_still_rotates(api_client: APIClient, user: User, clock: Clock) -> None:
    now = int(datetime.now(tz=UTC).timestamp())
    legacy = session_token(user, auth_time=now, exp=now + DAY)  # no `sid`
    rotated = api_client.post(REFRESH, {"refresh": legacy}).json()["refresh"]
    clock.travel(minutes=1)

    replayed = APIClient().post(REFRESH, {"refresh": legacy})

    assert replayed.status_code == 401
    assert "sid" in decoded(rotated)
    assert is_live(rotated)  # a token without a session id revokes nothing when replayed


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_replay_racing_the_sessions_rotation_leaves_none_of_its_tokens_alive(clock: Clock) -> None:
    skip_unless_postgres()
    user = UserFactory.create()
    t1 = sign_in(APIClient(), user).json()["refresh"]
    t2 = APIClient().post(REFRESH, {"refresh": t1}).json()["refresh"]
    clock.travel(seconds=settings.REFRESH_REUSE_GRACE_SECONDS)
    # The thief replays t1, to refresh and to sign out, while the person rotates t2.
    calls = [(REFRESH, t1), (LOGOUT, t1), (REFRESH, t2)] * 4

    responses = run_at_once([partial(APIClient().post, path, {"refresh": token}) for path, token in calls])

    # The person's rotation may win before its session is revoked (then its t3 is revoked too).
    statuses = sorted(response.status_code for response in responses)
    assert statuses in ([401] * len(calls), [200] + [401] * (len(calls) - 1))
    assert not OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True).exists()
