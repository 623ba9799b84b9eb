"""Check-in codes: their alphabet, length and the time they are accepted.

Pure rules (no ORM): the service that makes and accepts codes and the coach's
projector screen that shows one both ask here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

CHECKIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I look-alikes
CHECKIN_LENGTH = 6
# A code is accepted from shortly before the session until shortly after.
CHECKIN_MARGIN = timedelta(minutes=15)


def checkin_window(starts_at: datetime, ends_at: datetime) -> tuple[datetime, datetime]:
    """From when until when a session's code is accepted."""
    return starts_at - CHECKIN_MARGIN, ends_at + CHECKIN_MARGIN


def normalised_code(typed: str) -> str:
    """What a person typed or a QR code carried, as the code is stored: no spaces,
    upper case, at most 16 characters (longer input is not a code anyway)."""
    return "".join(typed.split()).upper()[:16]


def spaced(code: str) -> str:
    """The code in two halves, easier to read from the back of a room."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}" if code else ""
