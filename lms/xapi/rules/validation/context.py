"""Rules of result, context and attachments (Data 2.4.5, 2.4.6, 2.4.11)."""

from __future__ import annotations

from .activities import _activity, _statement_ref
from .agents import _actor, _group
from .keys import _ATTACHMENT_KEYS, _CONTEXT_ACTIVITY_KEYS, _CONTEXT_KEYS, _RESULT_KEYS
from .syntax import _MEDIA_TYPE_RE, _SHA2_RE, is_iso8601_duration
from .values import (
    _array,
    _boolean,
    _extensions,
    _fail,
    _iri,
    _irl,
    _language_map,
    _language_tag,
    _number,
    _object,
    _only,
    _required,
    _string,
    _uuid,
)


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
