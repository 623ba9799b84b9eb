"""Signals the certification app sends (a published contract).

`certificate_awarded(sender=Decision, portfolio=Portfolio, decision=Decision)` — the
programme team confirmed an award (`services.decide` with outcome "award").
`portfolio.status` is "awarded"; `decision.version` is the frozen version the
assessors judged and `decision.rubric` the rubric version they used. Sent once per
decision, inside the transaction that recorded it, after the xAPI `earned`
statement. A receiver that raises rolls the decision back; slow work belongs in
a Celery task enqueued on commit. Certification issues the credential itself
(`services.decide` enqueues it): receivers are other apps' concern.
"""

from __future__ import annotations

from django.dispatch import Signal

certificate_awarded = Signal()
