"""Frozen shapes the trajectories app hands to pages, other apps, tasks and xAPI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CompletionRules:
    """What a programme asks before a trajectory counts as completed."""

    # Share of the cohort's sessions a participant must attend (present), 0–100.
    min_attendance_percent: int = 80
    # Every session the session plan marks mandatory attended (present).
    mandatory_sessions: bool = True
    # Every between-session assignment submitted.
    all_assignments: bool = True
    # At least one journal entry about each session shared with coach or peers.
    reflection_per_session: bool = True


@dataclass(frozen=True)
class RemainingItem:
    """One thing still to do before the trajectory is completed."""

    # "attendance", "mandatory_session", "assignment" or "reflection".
    kind: str
    # A sentence in the active language, e.g. "Submit the assignment …".
    text: str
    # The assignment key or the session number it is about ("" when general).
    key: str = ""
    # When it can be done or is due; None when that is not known.
    when: datetime | None = None
    # True when it cannot be done yet (a locked assignment, a future session).
    locked: bool = False
    # True when it can no longer be done the ordinary way (a missed session).
    missed: bool = False


@dataclass(frozen=True)
class TrajectoryProgress:
    """Where one enrolment stands against its programme's completion rules."""

    enrolment_id: int
    rules: CompletionRules
    sessions_total: int
    sessions_held: int  # ended before now
    sessions_attended: int  # marked present (by the coach or by checking in)
    sessions_required: int  # attended sessions the attendance share asks for
    mandatory_total: int
    mandatory_attended: int
    assignments_total: int
    assignments_submitted: int
    # (session number, shared entries about it) for every session, in order.
    reflections_by_session: tuple[tuple[int, int], ...]
    # (assignment key, shared entries about it) for every assignment, in order.
    reflections_by_assignment: tuple[tuple[str, int], ...]
    percent: int  # 0–100; 100 only when every rule holds
    remaining: tuple[RemainingItem, ...]
    completed_at: datetime | None = None

    @property
    def rules_met(self) -> bool:
        return not self.remaining

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def sessions_reflected(self) -> int:
        """Sessions with at least one shared reflection."""
        return sum(1 for _number, count in self.reflections_by_session if count)

    @property
    def reflections_shared(self) -> int:
        return sum(count for _number, count in self.reflections_by_session)

    def reflections_on_assignment(self, key: str) -> int:
        return dict(self.reflections_by_assignment).get(key, 0)


@dataclass(frozen=True)
class ImportedParticipant:
    """A row of a participants file that was carried out."""

    row: int  # the row number as a spreadsheet shows it (the header is row 1)
    email: str
    name: str
    # "enrolled", "waitlisted" or "unchanged" (already enrolled or waiting).
    outcome: str
    new_account: bool


@dataclass(frozen=True)
class RejectedRow:
    """A row of a participants file that was not carried out, and why."""

    row: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ParticipantImport:
    """What importing a participants file did, row by row."""

    done: tuple[ImportedParticipant, ...] = ()
    rejected: tuple[RejectedRow, ...] = ()
    # A problem with the whole file; then no row was carried out.
    problem: str = ""

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.done if row.outcome == outcome)

    @property
    def enrolled(self) -> int:
        return self.count("enrolled")

    @property
    def waitlisted(self) -> int:
        return self.count("waitlisted")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def new_accounts(self) -> int:
        return sum(1 for row in self.done if row.new_account)
