"""Save-time messages that have no twin in ``site_builder.validate``.

Where the build has a rule for the same mistake, the CMS runs that rule and
shows its message unchanged (see ``editorial.validation``).
"""

from django.utils.translation import gettext_lazy as _

NO_ENTITLEMENT = _(
    "members section names no entitlement; choose a tier slug (e.g. member) or course:SLUG"
)
LESSON_OUTSIDE_COURSE = _("a lesson must sit inside a course; move it under a course page")
UNKNOWN_TIME_ZONE = _("%(zone)r is not a known time zone; use an IANA name such as Europe/Berlin")
