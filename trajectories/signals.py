"""Signals the trajectories app sends (a published contract).

`enrolment_changed(sender=Enrolment, enrolment=Enrolment)` — after an enrolment
was created or changed status (enrolled, waitlisted, withdrawn, completed), inside
the transaction that changed it.
"""

from __future__ import annotations

from django.dispatch import Signal

enrolment_changed = Signal()
