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


# --- session evaluations ------------------------------------------------------------

# The Likert scale of evaluation statements: 1 strongly disagree … 5 strongly agree.
LIKERT_SCALE = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class EvaluationQuestion:
    """One question of a session evaluation, as the participants were asked it."""

    # The StreamField block id on the programme page: stable while the programme
    # team rewords or reorders questions. Answers are stored under it.
    key: str
    kind: str  # "likert" (1–5) or "text"
    text: str
    required: bool

    def as_json(self) -> dict[str, str | bool]:
        return {
            "key": self.key,
            "kind": self.kind,
            "text": self.text,
            "required": self.required,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> EvaluationQuestion:
        return cls(
            key=str(data.get("key", "")),
            kind=str(data.get("kind", "")),
            text=str(data.get("text", "")),
            required=bool(data.get("required", False)),
        )


@dataclass(frozen=True)
class QuestionResult:
    """The answers to one question (of a session whose results may be shown)."""

    question: EvaluationQuestion
    answers: int
    # Likert: the number of answers for 1, 2, 3, 4 and 5.
    distribution: tuple[int, ...] = ()
    mean: float | None = None
    # Free text: every answer, sorted alphabetically (never in the order given).
    texts: tuple[str, ...] = ()

    @property
    def is_likert(self) -> bool:
        return self.question.kind == "likert"

    @property
    def categories(self) -> tuple[str, ...]:
        """The points of the scale as a chart's categories: "1" to "5"."""
        return tuple(str(value) for value in LIKERT_SCALE)

    def scale(self) -> tuple[tuple[int, int, float], ...]:
        """(value, count, percentage of the answers) for 1 to 5."""
        total = sum(self.distribution)
        return tuple(
            (value, count, round(100 * count / total, 1) if total else 0.0)
            for value, count in zip(LIKERT_SCALE, self.distribution, strict=False)
        )


@dataclass(frozen=True)
class EvaluationResults:
    """The answers of one session, or the sum of the shown sessions of a cohort or
    programme, with small groups suppressed.

    `shown` is False when fewer participants answered than `minimum`; then
    `responses` is None and `questions` is empty: nothing about the answers,
    not even how many there are.
    """

    minimum: int
    shown: bool
    responses: int | None
    questions: tuple[QuestionResult, ...] = ()


@dataclass(frozen=True)
class AttendanceConflict:
    """A mark the coach changed that someone else had changed since the coach's
    page was loaded: left as the other person set it, not overwritten."""

    enrolment_id: int
    participant: str  # the participant's display name
    wanted: str  # the status this coach chose
    status: str  # the status it has now ("" when the mark was removed)
    by: str  # display name of whoever set it now ("" when unknown)
    checked_in: bool  # set by the participant checking in with the code
    at: datetime | None


@dataclass(frozen=True)
class AttendanceSaved:
    """What a batch of the coach's marks did: `saved` marks stored (changed),
    `conflicts` not stored because someone else changed them first."""

    saved: int
    conflicts: tuple[AttendanceConflict, ...] = ()
