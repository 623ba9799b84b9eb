"""Progress and completion of a trajectory: recorded when its inputs change."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from lms.accounts.selectors import profile_of
from lms.xapi.services import record

from .. import xapi as events
from ..models import Enrolment, EnrolmentStatus
from ..selectors import progress_of
from ..signals import enrolment_changed, trajectory_completed


def complete_if_done(*, enrolment: Enrolment) -> bool:
    """Record the enrolment's progress and complete it once the rules hold.

    Called by every service that changes attendance, assignments or shared
    reflections. Records xAPI `progressed` for a new percentage; when every
    completion rule of the programme holds, sets status completed and
    `completed_at`, records `completed` and sends `trajectory_completed` (once per
    enrolment, inside the caller's transaction). Returns whether it completed now.
    """
    with transaction.atomic():
        # Two marks saved at once must not both complete the enrolment.
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("cohort__programme", "user")
            .get(pk=enrolment.pk)
        )
        if enrolment.status != EnrolmentStatus.ENROLLED:
            return False
        progress = progress_of(enrolment)
        actor = profile_of(enrolment.user).xapi_id
        now = timezone.now()
        if progress.percent > 0:
            record(
                events.trajectory_progressed(
                    actor=actor, enrolment=enrolment, percent=progress.percent, at=now
                )
            )
        if not progress.rules_met:
            return False
        first_time = enrolment.completed_at is None
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.status_changed_at = now
        if first_time:
            enrolment.completed_at = now
        enrolment.save(update_fields=["status", "status_changed_at", "completed_at"])
        enrolment_changed.send(sender=Enrolment, enrolment=enrolment)
        if not first_time:
            # Completed before, withdrew and came back: announced already.
            return False
        record(events.trajectory_completed(actor=actor, enrolment=enrolment, at=now))
        trajectory_completed.send(sender=Enrolment, enrolment=enrolment)
    return True
