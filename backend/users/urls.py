from django.urls import URLPattern, path

from users import apis

# Mounted at /api/auth/ and /api/users/ by vitrin/urls.py.
auth_urlpatterns: list[URLPattern] = [
    path("register/", apis.RegisterApi.as_view(), name="auth-register"),
    path("login/", apis.LoginApi.as_view(), name="auth-login"),
    path("refresh/", apis.RefreshApi.as_view(), name="auth-refresh"),
    path("logout/", apis.LogoutApi.as_view(), name="auth-logout"),
    path("google/", apis.GoogleSignInApi.as_view(), name="auth-google"),
    path("me/", apis.MeApi.as_view(), name="auth-me"),
    path("password/change/", apis.PasswordChangeApi.as_view(), name="auth-password-change"),
    path("password/reset/", apis.PasswordResetApi.as_view(), name="auth-password-reset"),
    path("password/reset/confirm/", apis.PasswordResetConfirmApi.as_view(), name="auth-password-reset-confirm"),
    path("email/verify/", apis.EmailVerifyApi.as_view(), name="auth-email-verify"),
    path("email/verify/resend/", apis.EmailVerificationResendApi.as_view(), name="auth-email-verify-resend"),
]
user_urlpatterns: list[URLPattern] = [
    path("<str:username>/", apis.UserDetailApi.as_view(), name="user-detail"),
    path("<str:username>/follow/", apis.UserFollowApi.as_view(), name="user-follow"),
    path("<str:username>/followers/", apis.UserFollowersApi.as_view(), name="user-followers"),
    path("<str:username>/following/", apis.UserFollowingApi.as_view(), name="user-following"),
]
