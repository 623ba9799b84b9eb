"""The formats of xAPI values: UUIDs, IRIs, language tags, durations and
timestamps."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Final

# RFC 3987 IRI grammar, character classes written out once.
_UCSCHAR = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
    "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
    "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd"
    "\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd"
)
_IPRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_IUNRESERVED = "A-Za-z0-9\\-._~" + _UCSCHAR
_SUB_DELIMS = "!$&'()*+,;="
_PCT = "%[0-9A-Fa-f]{2}"
_IPCHAR = f"(?:[{_IUNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_IAUTHORITY = (
    f"(?:(?:[{_IUNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"  # iuserinfo
    f"(?:\\[[0-9A-Za-z:.\\-_~{_SUB_DELIMS}]+\\]"  # IP-literal
    f"|(?:[{_IUNRESERVED}{_SUB_DELIMS}]|{_PCT})*)"  # IPv4address / ireg-name
    "(?::[0-9]*)?"  # port
)
_IRI_RE = re.compile(
    "(?P<scheme>[A-Za-z][A-Za-z0-9+\\-.]*):"
    f"(?:(?P<authority>//{_IAUTHORITY})(?:/{_IPCHAR}*)*"  # "//" iauthority path
    f"|(?!//)(?:{_IPCHAR}|/)*)"  # ipath-absolute / ipath-rootless / ipath-empty
    f"(?:\\?(?:{_IPCHAR}|[/?{_IPRIVATE}])*)?"  # iquery
    f"(?:#(?:{_IPCHAR}|[/?])*)?"  # ifragment
)
_SCHEMES_WITH_HOST: Final = frozenset({"http", "https", "ftp", "ftps", "ws", "wss"})

_UUID_RE = re.compile(
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_SHA1_RE = re.compile("[0-9a-fA-F]{40}")
# SHA-224, SHA-256, SHA-384 or SHA-512, hex encoded.
_SHA2_RE = re.compile(
    "[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128}"
)
_ATOM = r"[\w!#$%&'*+/=^`{|}~-]+"
_EMAIL_RE = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@[\w-]+(?:\.[\w-]+)*")
_MIME_NAME = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_MIME_PARAMETER = rf"\s*;\s*{_MIME_NAME}=(?:{_MIME_NAME}|\"(?:[^\"\\]|\\.)*\")"
_MEDIA_TYPE_RE = re.compile(rf"{_MIME_NAME}/{_MIME_NAME}(?:{_MIME_PARAMETER})*\s*")
_VERSION_RE = re.compile(r"1\.0(?:\.\d+(?:-[0-9A-Za-z.-]+)?)?")

# RFC 5646 section 2.1 (well-formed tags), matched case-insensitively.
_LANGTAG_RE = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"  # language [-extlang]
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)"
    r"(?P<extensions>(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?",  # privateuse
    re.IGNORECASE,
)
_PRIVATE_USE_TAG_RE = re.compile(r"x(?:-[a-z0-9]{1,8})+", re.IGNORECASE)
_GRANDFATHERED_TAGS: Final = frozenset(
    {"en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon",
     "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr",
     "sgn-be-nl", "sgn-ch-de", "art-lojban", "cel-gaulish", "no-bok", "no-nyn",
     "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang"}
)  # fmt: skip

# ISO 8601:2004 4.4.3.2 (format with designators); 4.4.3.3 is not allowed.
_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION_RE = re.compile(
    rf"P(?:(?P<W>{_NUMBER})W|(?:(?P<Y>{_NUMBER})Y)?(?:(?P<Mo>{_NUMBER})M)?"
    rf"(?:(?P<D>{_NUMBER})D)?(?P<T>T(?:(?P<H>{_NUMBER})H)?(?:(?P<Mi>{_NUMBER})M)?"
    rf"(?:(?P<S>{_NUMBER})S)?)?)"
)
_DURATION_PARTS: Final = ("W", "Y", "Mo", "D", "H", "Mi", "S")

# ISO 8601 combined date and time, extended (2013-05-18T05:32:34.804+00:00) or
# basic (20130518T053234.804Z) format.
_TIMESTAMP_RE = re.compile(
    r"(?P<year>\d{4})(?P<dsep>-?)(?P<month>\d{2})(?P=dsep)(?P<day>\d{2})[Tt]"
    r"(?P<hour>\d{2})(?P<tsep>:?)(?P<minute>\d{2})"
    r"(?:(?P=tsep)(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"(?P<offset>[Zz]|(?P<sign>[+-])(?P<oh>\d{2})(?::?(?P<om>\d{2}))?)?"
)


def is_uuid(value: object) -> bool:
    """True for a UUID in standard string form (8-4-4-4-12 hex digits)."""
    return isinstance(value, str) and _UUID_RE.fullmatch(value) is not None


def is_absolute_iri(value: object) -> bool:
    """True for an IRI as RFC 3987 defines it: always with a scheme, never relative."""
    if not isinstance(value, str):
        return False
    match = _IRI_RE.fullmatch(value)
    return match is not None and len(value) > len(match["scheme"]) + 1


def is_absolute_irl(value: object) -> bool:
    """True for an IRI that locates something: web schemes need a host."""
    if not is_absolute_iri(value):
        return False
    match = _IRI_RE.fullmatch(str(value))
    if match is None or match["scheme"].lower() not in _SCHEMES_WITH_HOST:
        return match is not None
    authority = match["authority"] or ""
    host = authority[2:].rpartition("@")[2].split(":")[0]
    return bool(host)


def is_language_tag(value: object) -> bool:
    """True for a well-formed RFC 5646 tag without repeated variants or extensions."""
    if not isinstance(value, str):
        return False
    if value.lower() in _GRANDFATHERED_TAGS or _PRIVATE_USE_TAG_RE.fullmatch(value):
        return True
    match = _LANGTAG_RE.fullmatch(value)
    if match is None:
        return False
    variants = match["variants"].lower().split("-")[1:]
    if len(variants) != len(set(variants)):
        return False
    singletons = [
        subtag for subtag in match["extensions"].lower().split("-") if len(subtag) == 1
    ]
    return len(singletons) == len(set(singletons))


def is_iso8601_duration(value: object) -> bool:
    """True for an ISO 8601 duration such as PT1H30M, P3Y1M29DT4H35M59.14S or P4W."""
    if not isinstance(value, str):
        return False
    match = _DURATION_RE.fullmatch(value)
    if match is None:
        return False
    parts = [match[name] for name in _DURATION_PARTS if match[name] is not None]
    if not parts:
        return False  # "P" or "PT" alone
    if match["T"] and not any(match[name] for name in ("H", "Mi", "S")):
        return False  # "T" without hours, minutes or seconds
    # Only the smallest unit given may carry a decimal fraction.
    return not any("." in part or "," in part for part in parts[:-1])


def parse_timestamp(value: str) -> datetime:
    """Parse an ISO 8601 date and time into an aware datetime.

    A missing offset is read as UTC (the spec only says a timestamp SHOULD* carry
    one). Raises ValueError with the reason when `value` is not a valid timestamp.
    """
    match = _TIMESTAMP_RE.fullmatch(value)
    if match is None:
        raise ValueError(
            "is not an ISO 8601 date and time such as 2013-05-18T05:32:34.804Z"
        )
    if (match["dsep"] == "-") != (match["tsep"] == ":"):
        raise ValueError("mixes the ISO 8601 basic and extended formats")
    tz = UTC
    if match["sign"]:
        hours, minutes = int(match["oh"]), int(match["om"] or 0)
        if hours > 23 or minutes > 59:
            raise ValueError("has an out-of-range UTC offset")
        if match["sign"] == "-" and hours == minutes == 0:
            raise ValueError(
                "has a negative zero UTC offset (-00:00), which ISO 8601 forbids; "
                "use Z or +00:00"
            )
        sign = -1 if match["sign"] == "-" else 1
        tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    try:
        return datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"] or 0),
            int(fraction),
            tzinfo=tz,
        )
    except ValueError as exc:
        raise ValueError(f"is not a real date and time ({exc})") from None
