"""Every access rule of the trajectories app, registered by name and asked through
`user.has_perm("engage_trajectories.<codename>"[, obj])` by every door: pages, the
API, the attendance download, the Wagtail admin and the services.

Rules asked without an object:

- `manage_cohorts`: the programme team (whoever may change cohorts in Wagtail).

Object rules:

- `coach_cohort` (Cohort): one of the cohort's coaches.
- `export_attendance` (Cohort): its coaches and the programme team.
- `view_evaluation_results` (Cohort): its coaches and the programme team.
- `read_entry` (JournalEntry): the author always; once shared, the cohort's
  coaches; once shared with peers, the author's peer-group members. Nobody else.
- `write_entry` (JournalEntry): its author only.
"""

from __future__ import annotations

from typing import Any

from lms.accounts.permissions import register_object_rule, register_rule

from .models import Cohort, EnrolmentStatus, JournalEntry, PeerGroup, Visibility

APP = "engage_trajectories"
MANAGE_COHORTS = f"{APP}.manage_cohorts"
COACH_COHORT = f"{APP}.coach_cohort"
EXPORT_ATTENDANCE = f"{APP}.export_attendance"
VIEW_EVALUATION_RESULTS = f"{APP}.view_evaluation_results"
READ_ENTRY = f"{APP}.read_entry"
WRITE_ENTRY = f"{APP}.write_entry"


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def manages_cohorts(user: Any) -> bool:
    """The programme team: people who may change cohorts (in Wagtail)."""
    return _signed_in(user) and bool(user.has_perm(f"{APP}.change_cohort"))


def coaches_cohort(user: Any, cohort: Cohort) -> bool:
    """One of the cohort's coaches."""
    if not _signed_in(user):
        return False
    return cohort.coaches.filter(pk=user.pk).exists()


def coaches_or_manages(user: Any, cohort: Cohort) -> bool:
    """The cohort's coaches and the programme team."""
    return coaches_cohort(user, cohort) or manages_cohorts(user)


def reads_entry(user: Any, entry: JournalEntry) -> bool:
    """The author always; coaches of the cohort once shared with the coach; the
    author's peer-group members once shared with peers. Nobody else, ever."""
    if not _signed_in(user):
        return False
    enrolment = entry.enrolment
    if enrolment.user_id == user.pk:
        return True
    if entry.visibility == Visibility.PRIVATE:
        return False
    if coaches_cohort(user, enrolment.cohort):
        return True
    if entry.visibility != Visibility.PEERS:
        return False
    # Two filter() calls: the author and the reader are two different members.
    return (
        PeerGroup.objects.filter(members=enrolment)
        .filter(
            members__user=user,
            members__status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED),
        )
        .exists()
    )


def writes_entry(user: Any, entry: JournalEntry) -> bool:
    """Only the author changes, shares and attaches files to an entry."""
    return _signed_in(user) and entry.enrolment.user_id == user.pk


def register_rules() -> None:
    """Called from TrajectoriesConfig.ready()."""
    register_rule(MANAGE_COHORTS, manages_cohorts)
    register_object_rule(COACH_COHORT, coaches_cohort)
    register_object_rule(EXPORT_ATTENDANCE, coaches_or_manages)
    register_object_rule(VIEW_EVALUATION_RESULTS, coaches_or_manages)
    register_object_rule(READ_ENTRY, reads_entry)
    register_object_rule(WRITE_ENTRY, writes_entry)
