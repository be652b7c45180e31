from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "hireloop.web"
    label = "web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .views.account import remember_login

        user_logged_in.connect(remember_login, dispatch_uid="hireloop.remember_login")
