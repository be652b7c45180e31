from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hireloop.integrations.api import api
from hireloop.integrations.api.problems import api_not_found
from hireloop.web.views import account

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/password/", account.password_change, name="password_change"),
    path("account/two-factor/", account.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/verify/", account.two_factor_verify, name="two_factor_verify"),
    path("account/confirm/", account.confirm_identity, name="confirm_identity"),
    path("api/v1/", api.urls),
    path("api/<path:rest>", api_not_found, name="api_not_found"),
    path("settings/", include("hireloop.integrations.urls")),
    path("", include("hireloop.web.urls")),
]
# Uploaded files are never served by URL: each is read through a view that checks access.
handler500 = "hireloop.web.views.errors.server_error"
