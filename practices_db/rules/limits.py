"""How long a text a person typed may be: refused when longer, never cut off."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..exceptions import TooLong


def within(text: str, *, limit: int, field: str) -> str:
    """`text` when it has at most `limit` characters; refused (on `field`) otherwise."""
    if len(text) > limit:
        raise TooLong(
            _("Use at most %(max)d characters.") % {"max": limit}, field=field
        )
    return text
