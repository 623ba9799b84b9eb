"""Between-session assignments of an enrolment, with when they open and are due.

An assignment opens when the session it follows has ended; until then the
lecturer sees why it is locked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The focus areas an assignment block offers (blocks.AssignmentBlock).
FOCUS_AREAS = [
    ("language_use", gettext_lazy("Language use")),
    ("assessment_formats", gettext_lazy("Assessment formats")),
    ("interaction_patterns", gettext_lazy("Interaction patterns")),
    ("curriculum_design", gettext_lazy("Curriculum design")),
]
SUBMITTED = "submitted"  # SUBMITTED (the models' layer is above)

_FOCUS = dict(FOCUS_AREAS)


@dataclass(frozen=True)
class Assignment:
    key: str
    title: str
    focus_area: str
    instructions: Any
    prompts: list[str]
    after_session: int
    # When the session it follows ends (None when the cohort has no such session).
    opens_at: datetime | None
    due_at: datetime | None
    record: Any  # an AssignmentRecord or None

    @property
    def focus_label(self) -> str:
        return str(_FOCUS.get(self.focus_area, self.focus_area))

    @property
    def is_open(self) -> bool:
        return self.opens_at is not None and self.opens_at <= timezone.now()

    @property
    def locked_reason(self) -> str:
        """Why the assignment cannot be worked on yet ("" when it is open)."""
        if self.is_open:
            return ""
        if self.opens_at is None:
            return _("Opens after session %(n)d.") % {"n": self.after_session}
        return _("Opens after session %(n)d on %(date)s.") % {
            "n": self.after_session,
            "date": day_label(self.opens_at),
        }

    @property
    def status(self) -> str:
        if self.record is not None and self.record.status == SUBMITTED:
            return "submitted"
        if not self.is_open:
            return "locked"
        if self.due_at is not None and self.due_at < timezone.now():
            return "overdue"
        return "draft" if self.record is not None else "open"


def day_label(moment: datetime) -> str:
    """ "12 March" this year, "12 March 2027" otherwise (in the active language)."""
    return _day_label(
        moment,
        translation.get_language() or "",
        timezone.get_current_timezone_name(),
        timezone.localtime().year,
    )


@lru_cache(maxsize=1024)
def _day_label(moment: datetime, language: str, zone: str, this_year: int) -> str:
    # A coach's page labels the same few session dates for every participant.
    local = timezone.localtime(moment)
    return formats.date_format(local, "j F" if local.year == this_year else "j F Y")


def assignments_for(
    enrolment: Any,
    sessions: Iterable[Any],
    records: Iterable[Any],
) -> list[Assignment]:
    """The programme's assignments for this enrolment (no queries of its own)."""
    by_number = {s.number: s for s in sessions}
    by_key = {r.assignment_key: r for r in records}
    result = []
    for block in enrolment.cohort.programme.assignments:
        value = block.value
        session = by_number.get(value["after_session"])
        opens_at = session.ends_at if session else None
        result.append(
            Assignment(
                key=str(block.id),
                title=value["title"],
                focus_area=value["focus_area"],
                instructions=value["instructions"],
                prompts=list(value["reflection_prompts"]),
                after_session=value["after_session"],
                opens_at=opens_at,
                due_at=opens_at + timedelta(days=value["due_days"])
                if opens_at
                else None,
                record=by_key.get(str(block.id)),
            )
        )
    return result
