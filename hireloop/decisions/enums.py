from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewDecision(models.TextChoices):
    """The decision older reviews were saved with; a review decides nothing any more (the
    decision is do_decide's, confirmed on its own page)."""

    OFFER = "offer", _("Make an offer")
    REJECT = "reject", _("Reject")
    HOLD = "hold", _("Hold, no decision yet")


class ReviewRequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class Resolution(models.TextChoices):
    """How a reviewer settled a dimension where their score and the AI's differed (M14)."""

    KEPT = "kept", _("Kept their score")
    ADJUSTED = "adjusted", _("Adjusted towards the AI")
