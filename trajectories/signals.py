"""Signals the trajectories app sends (a published contract).

`enrolment_changed(sender=Enrolment, enrolment=Enrolment)` — after an enrolment
was created or changed status (enrolled, waitlisted, withdrawn, completed), inside
the transaction that changed it.

`trajectory_completed(sender=Enrolment, enrolment=Enrolment)` — the first time an
enrolment meets its programme's completion rules (see `services.complete_if_done`).
`enrolment.status` is "completed" and `enrolment.completed_at` is set. Sent once
per enrolment: never again for the same enrolment, also not after a withdrawal and
re-enrolment. Sent inside the transaction that completed it, after the xAPI
`completed` statement was recorded and after `enrolment_changed`; a receiver that
raises rolls the completion back, so receivers that do slow or external work should
defer it with `transaction.on_commit`.
"""

from __future__ import annotations

from django.dispatch import Signal

enrolment_changed = Signal()
trajectory_completed = Signal()
