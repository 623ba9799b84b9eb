"""Receivers connected in CertificationConfig.ready(): thin, they only enqueue."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def issue_on_award(sender: Any, *, decision: Any, **kwargs: Any) -> None:
    """`certificate_awarded` → issue the credential in a Celery task after commit.

    Signing is slow and must not hold the decision's transaction; a broker that is
    down does not undo the decision (robust), and `issue_pending_credentials`
    picks the award up later.
    """
    from .tasks import issue_credential

    decision_id = decision.pk
    transaction.on_commit(lambda: issue_credential.delay(decision_id), robust=True)
