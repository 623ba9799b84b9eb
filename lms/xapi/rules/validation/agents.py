"""Rules of Agents and Groups (Data 2.4.2)."""

from __future__ import annotations

from typing import Any

from .keys import _AGENT_KEYS, _GROUP_KEYS, _IFI_KEYS
from .syntax import _EMAIL_RE, _SHA1_RE, is_absolute_iri
from .values import _array, _fail, _irl, _no_nulls, _object, _only, _required, _string


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
