"""Plain text a person typed, checked against the length its field keeps (pure)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lms.sanitizing import clean_text

from ..exceptions import TooLong


def plain_text(value: str, *, limit: int, field: str) -> str:
    """`value` without markup; refused (never cut off) when longer than `limit`."""
    text = clean_text(value)
    if len(text) > limit:
        raise TooLong(
            _("Write at most %(max)d characters (this is %(n)d).")
            % {"max": limit, "n": len(text)},
            field=field,
        )
    return text
