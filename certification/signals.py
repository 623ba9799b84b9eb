"""Signals the certification app sends (a published contract).

`certificate_awarded(sender=Decision, portfolio=Portfolio, decision=Decision)` — the
programme team confirmed an award (`services.decide` with outcome "award").
`portfolio.status` is "awarded"; `decision.version` is the frozen version the
assessors judged and `decision.rubric` the rubric version they used. Sent once per
decision, inside the transaction that recorded it, after the xAPI `earned`
statement. A receiver that raises rolls the decision back, so a receiver that
issues the credential (slow, signing) should enqueue a Celery task with
`transaction.on_commit` and pass `decision.pk`.
"""

from __future__ import annotations

from django.dispatch import Signal

certificate_awarded = Signal()
