"""Path converters shared by every app's URLs."""

from __future__ import annotations

# The largest id a URL may carry: 18 digits stay below 2**63, the largest row id
# PostgreSQL's bigint and SQLite's INTEGER hold.
MAX_ROW_ID = 10**18 - 1


class RowIdConverter:
    """`<id:pk>`: a database row id of 1 to 18 digits. Django's `<id:>` takes any
    number of digits, and an id past the database's 64-bit integers raised
    OverflowError (a 500) where the answer is "not found" (schemathesis found
    it on /api/v1/practices/<huge id>/)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(value)
