"""What happens when a workflow is approved at its last step.

Wagtail's default publishes with the last reviewer's page permissions. For a
practice the approved review itself is the authority to publish, whoever the
programme team's reviewer is; other content keeps Wagtail's behaviour.
"""

from __future__ import annotations

from typing import Any

from wagtail.workflows import publish_workflow_state


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    # Imported here: Wagtail loads this module while its own models load.
    from .models import PracticePage

    content = getattr(workflow_state.content_object, "specific", None)
    if isinstance(content, PracticePage):
        content.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    publish_workflow_state(workflow_state, user=user)
