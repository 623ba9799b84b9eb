"""Progress of an enrolment against its programme's completion rules.

Pure: the selectors fetch the rows, this module only counts. The percentage counts
what the rules ask for — the attended sessions the attendance share needs (the
mandatory ones among them), the assignments and a shared reflection per session —
so it reaches 100 exactly when every rule holds.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..data import CompletionRules, RemainingItem, TrajectoryProgress
from .assignments import SUBMITTED, Assignment, day_label


def required_sessions(rules: CompletionRules, total: int) -> int:
    """Attended sessions the attendance share asks for (rounded up)."""
    return (rules.min_attendance_percent * total + 99) // 100


def compute_progress(
    *,
    enrolment_id: int,
    rules: CompletionRules,
    mandatory_numbers: Collection[int],
    sessions: Sequence[Any],
    present: Collection[int],
    assignments: Sequence[Assignment],
    shared_by_session: Mapping[int, int],
    shared_by_assignment: Mapping[str, int],
    completed_at: datetime | None,
    now: datetime,
) -> TrajectoryProgress:
    """`present`: ids of the sessions marked present; `shared_by_*`: shared entries
    per session id and per assignment key; `completed_at` only for an enrolment
    whose status is completed (it then shows as done, whatever the rules say now).
    """
    sessions = sorted(sessions, key=lambda s: s.number)
    mandatory = [s for s in sessions if s.number in mandatory_numbers]
    counted_mandatory = mandatory if rules.mandatory_sessions else []
    attended = sum(1 for s in sessions if s.pk in present)
    attended_mandatory = sum(1 for s in counted_mandatory if s.pk in present)
    required = max(required_sessions(rules, len(sessions)), len(counted_mandatory))
    other_needed = required - len(counted_mandatory)
    other_done = min(attended - attended_mandatory, other_needed)
    submitted = sum(
        1 for a in assignments if a.record is not None and a.record.status == SUBMITTED
    )
    reflected = sum(1 for s in sessions if shared_by_session.get(s.pk, 0))

    units = required
    done = other_done + attended_mandatory
    if rules.all_assignments:
        units += len(assignments)
        done += submitted
    if rules.reflection_per_session:
        units += len(sessions)
        done += reflected
    remaining = [
        *_mandatory_items(counted_mandatory, present, now),
        *_attendance_items(
            sessions, counted_mandatory, present, other_needed - other_done, now
        ),
        *(_assignment_items(assignments, now) if rules.all_assignments else ()),
        *(
            _reflection_items(sessions, shared_by_session, now)
            if rules.reflection_per_session
            else ()
        ),
    ]
    percent = 100 * done // units if units else 100
    if completed_at is not None:
        percent, remaining = 100, []
    return TrajectoryProgress(
        enrolment_id=enrolment_id,
        rules=rules,
        sessions_total=len(sessions),
        sessions_held=sum(1 for s in sessions if s.ends_at < now),
        sessions_attended=attended,
        sessions_required=required,
        mandatory_total=len(mandatory),
        mandatory_attended=sum(1 for s in mandatory if s.pk in present),
        assignments_total=len(assignments),
        assignments_submitted=submitted,
        reflections_by_session=tuple(
            (s.number, shared_by_session.get(s.pk, 0)) for s in sessions
        ),
        reflections_by_assignment=tuple(
            (a.key, shared_by_assignment.get(a.key, 0)) for a in assignments
        ),
        percent=percent,
        remaining=tuple(remaining),
        completed_at=completed_at,
    )


def _mandatory_items(
    mandatory: Sequence[Any], present: Collection[int], now: datetime
) -> list[RemainingItem]:
    items = []
    for s in mandatory:
        if s.pk in present:
            continue
        values = {"n": s.number, "title": s.title, "date": day_label(s.starts_at)}
        if s.ends_at < now:
            items.append(
                RemainingItem(
                    kind="mandatory_session",
                    text=_(
                        "You missed mandatory session %(n)d, %(title)s. Ask your "
                        "coach how to make up for it."
                    )
                    % values,
                    key=str(s.number),
                    when=s.starts_at,
                    missed=True,
                )
            )
        else:
            items.append(
                RemainingItem(
                    kind="mandatory_session",
                    text=_("Attend mandatory session %(n)d, %(title)s, on %(date)s.")
                    % values,
                    key=str(s.number),
                    when=s.starts_at,
                    locked=s.starts_at > now,
                )
            )
    return items


def _attendance_items(
    sessions: Sequence[Any],
    mandatory: Sequence[Any],
    present: Collection[int],
    short: int,
    now: datetime,
) -> list[RemainingItem]:
    if short <= 0:
        return []
    mandatory_ids = {s.pk for s in mandatory}
    still_to_come = [
        s
        for s in sessions
        if s.ends_at >= now and s.pk not in present and s.pk not in mandatory_ids
    ]
    if len(still_to_come) < short:
        text = _(
            "Too few sessions are left to attend as many as the programme asks. "
            "Ask your coach what you can do."
        )
        return [RemainingItem(kind="attendance", text=text, missed=True)]
    if mandatory:
        text = ngettext(
            "Attend %(n)d more session besides the mandatory ones.",
            "Attend %(n)d more sessions besides the mandatory ones.",
            short,
        )
    else:
        text = ngettext(
            "Attend %(n)d more session.", "Attend %(n)d more sessions.", short
        )
    return [
        RemainingItem(
            kind="attendance",
            text=text % {"n": short},
            when=still_to_come[0].starts_at,
            locked=still_to_come[0].starts_at > now,
        )
    ]


def _assignment_items(
    assignments: Sequence[Assignment], now: datetime
) -> list[RemainingItem]:
    items = []
    for a in assignments:
        if a.record is not None and a.record.status == SUBMITTED:
            continue
        values = {"title": a.title}
        if not a.is_open:
            text = _("Submit the assignment “%(title)s”.") % values
            items.append(
                RemainingItem(
                    kind="assignment",
                    text=f"{text} {a.locked_reason}",
                    key=a.key,
                    when=a.opens_at,
                    locked=True,
                )
            )
            continue
        if a.due_at is not None:
            values["date"] = day_label(a.due_at)
            text = (
                _("Submit the assignment “%(title)s”; it was due %(date)s.")
                if a.due_at < now
                else _("Submit the assignment “%(title)s” by %(date)s.")
            ) % values
        else:
            text = _("Submit the assignment “%(title)s”.") % values
        items.append(
            RemainingItem(kind="assignment", text=text, key=a.key, when=a.due_at)
        )
    return items


def _reflection_items(
    sessions: Sequence[Any],
    shared_by_session: Mapping[int, int],
    now: datetime,
) -> list[RemainingItem]:
    missing = [s for s in sessions if not shared_by_session.get(s.pk, 0)]
    items = [
        RemainingItem(
            kind="reflection",
            text=_(
                "Share a reflection on session %(n)d, %(title)s, with your coach "
                "or peer group."
            )
            % {"n": s.number, "title": s.title},
            key=str(s.number),
            when=s.ends_at,
        )
        for s in missing
        if s.ends_at < now
    ]
    later = [s for s in missing if s.ends_at >= now]
    if later:
        items.append(
            RemainingItem(
                kind="reflection",
                text=ngettext(
                    "After the session still to come, share a reflection on it.",
                    "After each of the %(n)d sessions still to come, share a "
                    "reflection on it.",
                    len(later),
                )
                % {"n": len(later)},
                when=later[0].ends_at,
                locked=True,
            )
        )
    return items
