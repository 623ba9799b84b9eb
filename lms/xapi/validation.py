"""Validation of xAPI 1.0.3 statements against the MUST rules of the specification.

Each rule cites the section of xAPI-Data.md ("Data 2.4.2.1") it enforces. The first
rule broken raises `StatementValidationError`, whose `path` points at the offending
value (``statements[3].actor.mbox``) and whose `message` says what the rule is.

SHOULD* rules ("implement as though they were MUST", xAPI-About 2.1) are enforced
too: unknown properties and duplicate statement ids in one batch are rejected.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final, NoReturn

VOIDED_VERB_ID: Final = "http://adlnet.gov/expapi/verbs/voided"

INTERACTION_TYPES: Final = (
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
)
# Data 2.4.4.1.s15: the interaction component lists each interactionType supports.
COMPONENT_LISTS: Final[dict[str, tuple[str, ...]]] = {
    "choice": ("choices",),
    "sequencing": ("choices",),
    "likert": ("scale",),
    "matching": ("source", "target"),
    "performance": ("steps",),
}
_ALL_COMPONENT_LISTS: Final = ("choices", "scale", "source", "target", "steps")

_IFI_KEYS: Final = ("mbox", "mbox_sha1sum", "openid", "account")
_AGENT_KEYS: Final = frozenset({"objectType", "name", *_IFI_KEYS})
_GROUP_KEYS: Final = _AGENT_KEYS | {"member"}
_STATEMENT_KEYS: Final = frozenset(
    {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
     "authority", "version", "attachments"}
)  # fmt: skip
# Data 2.4.4.3.s8.b3: a SubStatement MUST NOT have these.
_NOT_IN_SUBSTATEMENT: Final = ("id", "stored", "version", "authority")
_SUBSTATEMENT_KEYS: Final = (_STATEMENT_KEYS - set(_NOT_IN_SUBSTATEMENT)) | {
    "objectType"
}
_ACTIVITY_DEFINITION_KEYS: Final = frozenset(
    {"name", "description", "type", "moreInfo", "extensions", "interactionType",
     "correctResponsesPattern", *_ALL_COMPONENT_LISTS}
)  # fmt: skip
_CONTEXT_KEYS: Final = frozenset(
    {"registration", "instructor", "team", "contextActivities", "revision",
     "platform", "language", "statement", "extensions"}
)  # fmt: skip
_CONTEXT_ACTIVITY_KEYS: Final = ("parent", "grouping", "category", "other")
_RESULT_KEYS: Final = frozenset(
    {"score", "success", "completion", "response", "duration", "extensions"}
)
_ATTACHMENT_KEYS: Final = frozenset(
    {"usageType", "display", "description", "contentType", "length", "sha2",
     "fileUrl"}
)  # fmt: skip
_OBJECT_TYPES: Final = ("Activity", "Agent", "Group", "StatementRef", "SubStatement")


class StatementValidationError(ValueError):
    """A statement breaks a rule of the xAPI specification (400 Bad Request)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- Formats ------------------------------------------------------------------

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


# --- Small checks -------------------------------------------------------------


def _fail(path: str, message: str) -> NoReturn:
    raise StatementValidationError(path, message)


def _child(path: str, key: object) -> str:
    """`path.key`, or `path["key"]` for keys such as en-US or IRIs."""
    name = str(key)
    return f"{path}.{name}" if name.isidentifier() else f"{path}[{json.dumps(name)}]"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _object(value: object, path: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(path, f"{what} must be a JSON object, not {_json_type(value)}")
    for key in value:
        if not isinstance(key, str):
            _fail(path, f"{what} has a property name that is not a string: {key!r}")
    return value


def _array(value: object, path: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"{what} must be an array, not {_json_type(value)}")
    return value


def _string(value: object, path: str, what: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"{what} must be a string, not {_json_type(value)}")
    return value


def _boolean(value: object, path: str, what: str) -> None:
    if not isinstance(value, bool):
        _fail(path, f"{what} must be true or false, not {_json_type(value)}")


def _number(value: object, path: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(path, f"{what} must be a number, not {_json_type(value)}")
    if not math.isfinite(value):
        _fail(path, f"{what} must be a finite number")
    return float(value)


def _only(obj: dict[str, Any], path: str, allowed: frozenset[str], what: str) -> None:
    """Data 2.2.s4.b1.b7 (and SHOULD* 2.2.s4.b8): no properties the spec lacks."""
    for key in obj:
        if key in allowed:
            continue
        names = ", ".join(sorted(allowed))
        same_but_case = [name for name in allowed if name.lower() == key.lower()]
        hint = (
            f"; property names are case-sensitive, use {same_but_case[0]!r}"
            if same_but_case
            else ""
        )
        _fail(
            _child(path, key),
            f"{key!r} is not a property of {what} (allowed: {names}){hint}",
        )


def _required(obj: dict[str, Any], path: str, key: str, what: str) -> Any:
    if key not in obj:
        _fail(f"{path}.{key}", f"{key} is required in {what}")
    return obj[key]


def _iri(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_absolute_iri(value):
        _fail(path, f"{what} must be an absolute IRI with a scheme, got {value!r}")


def _irl(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_absolute_irl(value):
        example = "https://example.com/"
        _fail(path, f"{what} must be an absolute IRL like {example}, got {value!r}")


def _uuid(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_uuid(value):
        _fail(
            path,
            f"{what} must be a UUID in standard form "
            f"(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got {value!r}",
        )


def _language_tag(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_language_tag(value):
        _fail(path, f"{what} must be an RFC 5646 language tag, got {value!r}")


def _language_map(value: object, path: str, what: str) -> None:
    """Data 4.2: keys RFC 5646 tags (2.2.s4.b2), values strings; not empty."""
    mapping = _object(value, path, f"{what} (a language map)")
    if not mapping:
        _fail(path, f"{what} must be a language map with at least one entry")
    for tag, text in mapping.items():
        if not is_language_tag(tag):
            _fail(path, f"{what} has {tag!r} as key, which is not an RFC 5646 tag")
        _string(text, _child(path, tag), f"each value of {what}")


def _extensions(value: object, path: str) -> None:
    """Data 4.1.s3: keys MUST be IRIs; values are never grounds for rejection."""
    mapping = _object(value, path, "extensions")
    for key in mapping:
        if not is_absolute_iri(key):
            _fail(path, f"extension key {key!r} must be an absolute IRI with a scheme")


def _timestamp(value: object, path: str, what: str) -> None:
    """Data 4.5.s1.b1: a Timestamp MUST be formatted according to ISO 8601."""
    text = _string(value, path, what)
    try:
        parse_timestamp(text)
    except ValueError as exc:
        _fail(path, f"{what} {text!r} {exc}")


def _no_nulls(value: object, path: str) -> None:
    """Data 2.2.s4.b1.b1: no null values, except inside extensions."""
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None:
                _fail(_child(path, key), f"{key} must not be null")
            if key != "extensions":
                _no_nulls(item, _child(path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if item is None:
                _fail(f"{path}[{index}]", "array items must not be null")
            _no_nulls(item, f"{path}[{index}]")


# --- Agents and Groups (Data 2.4.2) ---------------------------------------------


def _ifi(obj: dict[str, Any], path: str, key: str) -> None:
    """Data 2.4.2.3: the four Inverse Functional Identifiers."""
    value = obj[key]
    where = f"{path}.{key}"
    if key == "mbox":
        text = _string(value, where, "mbox")
        if not (
            text.startswith("mailto:")
            and _EMAIL_RE.fullmatch(text[7:])
            and is_absolute_iri(text)
        ):
            _fail(
                where,
                "mbox must be a mailto: IRI with an email address "
                f"(e.g. mailto:learner@example.com), got {text!r}",
            )
    elif key == "mbox_sha1sum":
        text = _string(value, where, "mbox_sha1sum")
        if not _SHA1_RE.fullmatch(text):
            _fail(where, f"mbox_sha1sum must be 40 hexadecimal digits, got {text!r}")
    elif key == "openid":
        text = _string(value, where, "openid")
        if not (text.isascii() and is_absolute_iri(text)):
            _fail(where, f"openid must be an absolute URI, got {text!r}")
    else:
        account = _object(value, where, "account")
        _only(account, where, frozenset({"homePage", "name"}), "an account")
        home_page = _required(account, where, "homePage", "an account")
        _irl(home_page, f"{where}.homePage", "account homePage")
        name = _required(account, where, "name", "an account")
        _string(name, f"{where}.name", "account name")


def _ifis(obj: dict[str, Any]) -> list[str]:
    return [key for key in _IFI_KEYS if key in obj]


def _agent(obj: dict[str, Any], path: str) -> None:
    """Data 2.4.2.1.s2.b1/b2: an Agent has exactly one IFI."""
    if "member" in obj:
        _fail(
            f"{path}.member",
            "member is only allowed on a Group; set objectType to 'Group'",
        )
    _only(obj, path, _AGENT_KEYS, "an Agent")
    if "name" in obj:
        _string(obj["name"], f"{path}.name", "name")
    ifis = _ifis(obj)
    if len(ifis) != 1:
        found = ", ".join(ifis) if ifis else "none"
        _fail(
            path,
            "an Agent must have exactly one inverse functional identifier "
            f"(mbox, mbox_sha1sum, openid or account); found {found}",
        )
    _ifi(obj, path, ifis[0])


def _group(obj: dict[str, Any], path: str) -> None:
    """Data 2.4.2.2: anonymous Groups list members, identified ones have one IFI."""
    _only(obj, path, _GROUP_KEYS, "a Group")
    if "name" in obj:
        _string(obj["name"], f"{path}.name", "name")
    ifis = _ifis(obj)
    if len(ifis) > 1:
        _fail(
            path,
            "an identified Group must have exactly one inverse functional identifier; "
            f"found {', '.join(ifis)}",
        )
    if ifis:
        _ifi(obj, path, ifis[0])
    elif "member" not in obj:
        _fail(f"{path}.member", "an anonymous Group (no identifier) requires member")
    if "member" in obj:
        members = _array(obj["member"], f"{path}.member", "member")
        if not ifis and not members:
            _fail(f"{path}.member", "an anonymous Group must list at least one Agent")
        for index, item in enumerate(members):
            where = f"{path}.member[{index}]"
            member = _object(item, where, "a Group member")
            object_type = member.get("objectType", "Agent")
            if object_type == "Group":
                _fail(f"{where}.objectType", "Group members must be Agents, not Groups")
            if object_type != "Agent":
                _fail(
                    f"{where}.objectType", "a Group member's objectType must be 'Agent'"
                )
            _agent(member, where)


def _actor(value: object, path: str, what: str) -> str:
    """An Agent or a Group (objectType optional, 'Agent' when absent)."""
    obj = _object(value, path, what)
    object_type = obj.get("objectType", "Agent")
    if "objectType" in obj:
        _string(object_type, f"{path}.objectType", "objectType")
    if object_type == "Agent":
        _agent(obj, path)
    elif object_type == "Group":
        _group(obj, path)
    else:
        _fail(
            f"{path}.objectType",
            f"objectType of {what} must be 'Agent' or 'Group', got {object_type!r}",
        )
    return str(object_type)


def _authority(value: object, path: str) -> None:
    """Data 2.4.9.s3.b1: an Agent, or (3-legged OAuth) a Group of two Agents."""
    group = _object(value, path, "authority")
    if _actor(group, path, "authority") != "Group":
        return
    if _ifis(group):
        _fail(path, "an authority Group must be anonymous (no inverse functional id)")
    if len(group["member"]) != 2:
        _fail(
            f"{path}.member",
            "an authority Group must have exactly two Agents (OAuth consumer and user)"
            f", found {len(group['member'])}",
        )


def validate_agent(
    data: object, *, path: str = "agent", allow_anonymous_group: bool = False
) -> None:
    """Validate an Agent or Group, e.g. the `agent` parameter of GET /statements.

    Parameters take an Agent or *identified* Group (Communication 2.1.3), so an
    anonymous Group is refused unless `allow_anonymous_group`.
    """
    obj = _object(data, path, "an Agent or Group")
    _no_nulls(obj, path)
    _actor(obj, path, "an Agent or Group")
    if not allow_anonymous_group and not _ifis(obj):
        _fail(path, "must be an Agent or an identified Group (with an identifier)")


# --- Verb and objects (Data 2.4.3, 2.4.4) ---------------------------------------


def _verb(value: object, path: str) -> str:
    verb = _object(value, path, "verb")
    _only(verb, path, frozenset({"id", "display"}), "a Verb")
    verb_id = _required(verb, path, "id", "a Verb")
    _iri(verb_id, f"{path}.id", "verb id")
    if "display" in verb:
        _language_map(verb["display"], f"{path}.display", "verb display")
    return str(verb_id)


def _interaction_components(value: object, path: str, key: str) -> None:
    """Data 2.4.4.1.s15-s16: objects with a string id, ids distinct per list."""
    seen: set[str] = set()
    for index, item in enumerate(_array(value, path, key)):
        where = f"{path}[{index}]"
        component = _object(item, where, "an interaction component")
        what = "an interaction component"
        _only(component, where, frozenset({"id", "description"}), what)
        raw_id = _required(component, where, "id", what)
        component_id = _string(raw_id, f"{where}.id", "interaction component id")
        if component_id in seen:
            _fail(f"{where}.id", f"interaction component id {component_id!r} repeats")
        seen.add(component_id)
        if "description" in component:
            _language_map(
                component["description"],
                f"{where}.description",
                "interaction component description",
            )


def _activity_definition(value: object, path: str) -> None:
    definition = _object(value, path, "an Activity definition")
    _only(definition, path, _ACTIVITY_DEFINITION_KEYS, "an Activity definition")
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{path}.{key}", f"definition {key}")
    if "type" in definition:
        _iri(definition["type"], f"{path}.type", "Activity type")
    if "moreInfo" in definition:
        _irl(definition["moreInfo"], f"{path}.moreInfo", "moreInfo")
    interaction_type = definition.get("interactionType")
    if "interactionType" in definition:
        _string(interaction_type, f"{path}.interactionType", "interactionType")
        if interaction_type not in INTERACTION_TYPES:
            _fail(
                f"{path}.interactionType",
                f"interactionType must be one of {', '.join(INTERACTION_TYPES)} "
                f"(case-sensitive), got {interaction_type!r}",
            )
    if "correctResponsesPattern" in definition:
        where = f"{path}.correctResponsesPattern"
        if interaction_type is None:
            _fail(where, "correctResponsesPattern requires an interactionType")
        patterns = _array(
            definition["correctResponsesPattern"], where, "correctResponsesPattern"
        )
        for index, item in enumerate(patterns):
            _string(item, f"{where}[{index}]", "each correct response pattern")
    for key in _ALL_COMPONENT_LISTS:
        if key not in definition:
            continue
        if interaction_type is None:
            _fail(f"{path}.{key}", f"{key} requires an interactionType")
        supported = COMPONENT_LISTS.get(str(interaction_type), ())
        if key not in supported:
            allowed = ", ".join(supported) or "no component lists"
            _fail(
                f"{path}.{key}",
                f"{key} is not allowed with interactionType {interaction_type!r} "
                f"(it takes {allowed})",
            )
        _interaction_components(definition[key], f"{path}.{key}", key)
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{path}.extensions")


def _activity(obj: dict[str, Any], path: str) -> None:
    """Data 2.4.4.1: objectType 'Activity' when present, id an IRI."""
    if obj.get("objectType", "Activity") != "Activity":
        _fail(f"{path}.objectType", "objectType of an Activity must be 'Activity'")
    _only(obj, path, frozenset({"objectType", "id", "definition"}), "an Activity")
    _iri(_required(obj, path, "id", "an Activity"), f"{path}.id", "Activity id")
    if "definition" in obj:
        _activity_definition(obj["definition"], f"{path}.definition")


def _statement_ref(value: object, path: str) -> None:
    """Data 2.4.4.3.s4: objectType 'StatementRef' and the UUID of a statement."""
    ref = _object(value, path, "a Statement Reference")
    _only(ref, path, frozenset({"objectType", "id"}), "a Statement Reference")
    object_type = _required(ref, path, "objectType", "a Statement Reference")
    if object_type != "StatementRef":
        _fail(
            f"{path}.objectType",
            f"objectType of a Statement Reference must be 'StatementRef', "
            f"got {object_type!r}",
        )
    ref_id = _required(ref, path, "id", "a Statement Reference")
    _uuid(ref_id, f"{path}.id", "StatementRef id")


def _object_property(value: object, path: str, *, in_substatement: bool) -> str:
    """Data 2.4.4: Activity (default), Agent, Group, StatementRef or SubStatement."""
    obj = _object(value, path, "object")
    object_type = obj.get("objectType", "Activity")
    if "objectType" in obj:
        _string(object_type, f"{path}.objectType", "objectType")
    elif _ifis(obj) or "member" in obj:
        # Data 2.4.4.2.s1.b1
        _fail(
            f"{path}.objectType",
            "an Agent or Group used as the object must have objectType "
            "'Agent' or 'Group'",
        )
    if object_type == "Activity":
        _activity(obj, path)
    elif object_type == "Agent":
        _agent(obj, path)
    elif object_type == "Group":
        _group(obj, path)
    elif object_type == "StatementRef":
        _statement_ref(obj, path)
    elif object_type == "SubStatement":
        if in_substatement:
            _fail(path, "a SubStatement must not contain another SubStatement")
        _statement(obj, path, substatement=True)
    else:
        _fail(
            f"{path}.objectType",
            f"objectType must be one of {', '.join(_OBJECT_TYPES)} (case-sensitive), "
            f"got {object_type!r}",
        )
    return str(object_type)


# --- Result, context, attachments (Data 2.4.5, 2.4.6, 2.4.11) --------------------


def _score(value: object, path: str) -> None:
    """Data 2.4.5.1: scaled in [-1, 1], min < max, raw between min and max."""
    score = _object(value, path, "score")
    _only(score, path, frozenset({"scaled", "raw", "min", "max"}), "a score")
    numbers = {
        key: _number(score[key], f"{path}.{key}", f"score {key}")
        for key in ("scaled", "raw", "min", "max")
        if key in score
    }
    if "scaled" in numbers and not -1 <= numbers["scaled"] <= 1:
        _fail(f"{path}.scaled", "score scaled must be between -1 and 1 inclusive")
    if "min" in numbers and "max" in numbers and numbers["min"] >= numbers["max"]:
        _fail(f"{path}.min", "score min must be less than score max")
    if "raw" in numbers:
        if "min" in numbers and numbers["raw"] < numbers["min"]:
            _fail(f"{path}.raw", "score raw must not be less than score min")
        if "max" in numbers and numbers["raw"] > numbers["max"]:
            _fail(f"{path}.raw", "score raw must not be greater than score max")


def _result(value: object, path: str) -> None:
    result = _object(value, path, "result")
    _only(result, path, _RESULT_KEYS, "a Result")
    if "score" in result:
        _score(result["score"], f"{path}.score")
    for key in ("success", "completion"):
        if key in result:
            _boolean(result[key], f"{path}.{key}", key)
    if "response" in result:
        _string(result["response"], f"{path}.response", "response")
    if "duration" in result:
        duration = _string(result["duration"], f"{path}.duration", "duration")
        if not is_iso8601_duration(duration):
            _fail(
                f"{path}.duration",
                f"duration must be an ISO 8601 duration such as PT1H30M or P4W, "
                f"got {duration!r}",
            )
    if "extensions" in result:
        _extensions(result["extensions"], f"{path}.extensions")


def _context_activities(value: object, path: str) -> None:
    """Data 2.4.6.2.s4: keys parent/grouping/category/other, Activity or array."""
    activities = _object(value, path, "contextActivities")
    if not activities:
        _fail(path, "contextActivities must not be empty; leave it out instead")
    _only(activities, path, frozenset(_CONTEXT_ACTIVITY_KEYS), "contextActivities")
    for key, item in activities.items():
        where = f"{path}.{key}"
        if isinstance(item, dict):
            _activity(_object(item, where, "a context Activity"), where)
            continue
        what = f"contextActivities {key} (an Activity or an array of Activities)"
        for index, activity in enumerate(_array(item, where, what)):
            at = f"{where}[{index}]"
            _activity(_object(activity, at, "a context Activity"), at)


def _context(value: object, path: str, object_type: str) -> None:
    context = _object(value, path, "context")
    _only(context, path, _CONTEXT_KEYS, "a Context")
    if "registration" in context:
        _uuid(context["registration"], f"{path}.registration", "registration")
    if "instructor" in context:
        _actor(context["instructor"], f"{path}.instructor", "instructor")
    if "team" in context:
        team = _object(context["team"], f"{path}.team", "team")
        if team.get("objectType") != "Group":
            _fail(f"{path}.team", "team must be a Group (with objectType 'Group')")
        _group(team, f"{path}.team")
    if "contextActivities" in context:
        _context_activities(context["contextActivities"], f"{path}.contextActivities")
    for key in ("revision", "platform"):
        if key in context:
            _string(context[key], f"{path}.{key}", key)
            # Data 2.4.6.s4.b1/b2: only when the statement's object is an Activity.
            if object_type != "Activity":
                _fail(
                    f"{path}.{key}",
                    f"{key} must only be used when the object is an Activity "
                    f"(here it is {object_type!r})",
                )
    if "language" in context:
        _language_tag(context["language"], f"{path}.language", "context language")
    if "statement" in context:
        _statement_ref(context["statement"], f"{path}.statement")
    if "extensions" in context:
        _extensions(context["extensions"], f"{path}.extensions")


def _attachments(value: object, path: str) -> None:
    for index, item in enumerate(_array(value, path, "attachments")):
        where = f"{path}[{index}]"
        attachment = _object(item, where, "an attachment")
        _only(attachment, where, _ATTACHMENT_KEYS, "an Attachment")
        what = "an Attachment"
        usage_type = _required(attachment, where, "usageType", what)
        _iri(usage_type, f"{where}.usageType", "usageType")
        display = _required(attachment, where, "display", what)
        _language_map(display, f"{where}.display", "attachment display")
        if "description" in attachment:
            description = attachment["description"]
            _language_map(description, f"{where}.description", "attachment description")
        raw_type = _required(attachment, where, "contentType", what)
        content_type = _string(raw_type, f"{where}.contentType", "contentType")
        if not _MEDIA_TYPE_RE.fullmatch(content_type):
            _fail(
                f"{where}.contentType",
                f"contentType must be an Internet media type such as text/plain, "
                f"got {content_type!r}",
            )
        length = _required(attachment, where, "length", what)
        if isinstance(length, bool) or not isinstance(length, int) or length < 0:
            _fail(f"{where}.length", "length must be a whole number of octets (>= 0)")
        sha2 = _string(
            _required(attachment, where, "sha2", what), f"{where}.sha2", "sha2"
        )
        if not _SHA2_RE.fullmatch(sha2):
            _fail(f"{where}.sha2", "sha2 must be a hex SHA-2 hash (e.g. 64 digits)")
        if "fileUrl" in attachment:
            _irl(attachment["fileUrl"], f"{where}.fileUrl", "fileUrl")


# --- Statements (Data 2.2, 2.4) ---------------------------------------------------


def _statement(obj: dict[str, Any], path: str, *, substatement: bool) -> None:
    what = "a SubStatement" if substatement else "a Statement"
    if substatement:
        for key in _NOT_IN_SUBSTATEMENT:
            if key in obj:
                _fail(f"{path}.{key}", f"a SubStatement must not have {key!r}")
    _only(obj, path, _SUBSTATEMENT_KEYS if substatement else _STATEMENT_KEYS, what)
    for key in ("actor", "verb", "object"):  # Data 2.2.s2.b3
        _required(obj, path, key, what)
    if "id" in obj:
        _uuid(obj["id"], f"{path}.id", "statement id")
    _actor(obj["actor"], f"{path}.actor", "actor")
    verb_id = _verb(obj["verb"], f"{path}.verb")
    object_type = _object_property(
        obj["object"], f"{path}.object", in_substatement=substatement
    )
    if verb_id == VOIDED_VERB_ID and object_type != "StatementRef":
        # Data 2.3.2.s2.b1
        _fail(
            f"{path}.object",
            f"a voiding statement (verb {VOIDED_VERB_ID}) must have a StatementRef "
            f"object, not {object_type!r}",
        )
    if "result" in obj:
        _result(obj["result"], f"{path}.result")
    if "context" in obj:
        _context(obj["context"], f"{path}.context", object_type)
    if "timestamp" in obj:
        _timestamp(obj["timestamp"], f"{path}.timestamp", "timestamp")
    if "stored" in obj:
        _timestamp(obj["stored"], f"{path}.stored", "stored")
    if "authority" in obj:
        _authority(obj["authority"], f"{path}.authority")
    if "version" in obj:
        version = _string(obj["version"], f"{path}.version", "version")
        if not _VERSION_RE.fullmatch(version):  # Data 2.4.10.s3.b2
            _fail(
                f"{path}.version",
                f"version must be 1.0 or start with '1.0.' (xAPI 1.0.x), "
                f"got {version!r}",
            )
    if "attachments" in obj:
        _attachments(obj["attachments"], f"{path}.attachments")


def validate_statement(data: object, *, path: str = "statement") -> None:
    """Raise StatementValidationError for the first MUST rule `data` breaks."""
    statement = _object(data, path, "a statement")
    _no_nulls(statement, path)
    _statement(statement, path, substatement=False)


def validate_statements(data: object) -> list[dict[str, Any]]:
    """Validate the body of PUT/POST /statements: one statement or an array.

    Returns the statements as a list. An empty array is valid and yields [] (the
    spec is silent on it; nothing is stored). Ids must be unique within a batch
    (Communication 2.1.2.s2.b6, a SHOULD*).
    """
    if isinstance(data, dict):
        validate_statement(data, path="statement")
        return [data]
    if not isinstance(data, list):
        _fail(
            "statements",
            f"expected a statement object or an array of statements, "
            f"not {_json_type(data)}",
        )
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        path = f"statements[{index}]"
        if not isinstance(item, dict):
            _fail(path, f"each statement must be a JSON object, not {_json_type(item)}")
        validate_statement(item, path=path)
        if "id" in item:
            key = item["id"].lower()
            if key in seen:
                _fail(
                    f"{path}.id",
                    f"statement id {item['id']!r} is also used by "
                    f"statements[{seen[key]}]; ids must be unique within a batch",
                )
            seen[key] = index
    return data
