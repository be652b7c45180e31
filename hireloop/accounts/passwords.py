"""Password rules beyond Django's own: the product's name is not a password."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Django's list of 20,000 common passwords does not know the product; people reach for it.
PRODUCT_WORDS = ("hireloop",)


class ProductNameValidator:
    """Refuse a password that is the product's name with at most a few characters around it."""

    def validate(self, password: str, user: Any = None) -> None:
        plain = "".join(ch for ch in password.lower() if ch.isalpha())
        if any(plain.startswith(word) and len(plain) - len(word) < 6 for word in PRODUCT_WORDS):
            raise ValidationError(
                _("This password is too close to the product's name."), code="password_product"
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be based on the product's name.")
