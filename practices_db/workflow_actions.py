"""What happens when a workflow is approved at its last step (the setting
WAGTAIL_FINISH_WORKFLOW_ACTION names `publish_approved`).

Wagtail imports this module while its own models load, so it imports nothing of
the app at module level; the work is the service `services.review.publish_approved`.
"""

from __future__ import annotations

from typing import Any


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    from .services.review import publish_approved as publish

    publish(workflow_state, user=user)
