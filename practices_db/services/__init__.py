"""Writes of the practices database: one function per use case (public: other
apps, the admin, imports and the API all come through these names)."""

from __future__ import annotations

from .collections import (
    add_to_collection,
    create_collection,
    delete_collection,
    move_item,
    remove_item,
    renew_share_link,
    update_collection,
    update_item,
)
from .engagement import (
    record_adoption,
    record_view,
    require_live,
    set_bookmark,
    withdraw_adoption,
)
from .exchange import IMPORT_COLUMNS, MAX_IMPORT_BYTES, ImportReport, import_practices
from .review import (
    decided_meanwhile,
    publish_approved,
    review_actions,
    review_practice,
    review_seen,
)
from .search_log import log_search
from .setup import (
    COLLECTION_NAME,
    WORKFLOW_NAME,
    attachments_collection,
    ensure_review_workflow,
    practices_index,
)
from .sharing import (
    IMAGE_EXTENSIONS,
    RESERVED_SLUGS,
    create_practice,
    edit_blocker,
    on_published,
    submit_practice,
    update_practice,
    withdraw_practice,
)

__all__ = [
    "COLLECTION_NAME",
    "IMAGE_EXTENSIONS",
    "IMPORT_COLUMNS",
    "MAX_IMPORT_BYTES",
    "RESERVED_SLUGS",
    "WORKFLOW_NAME",
    "ImportReport",
    "add_to_collection",
    "attachments_collection",
    "create_collection",
    "create_practice",
    "delete_collection",
    "edit_blocker",
    "ensure_review_workflow",
    "import_practices",
    "log_search",
    "move_item",
    "on_published",
    "practices_index",
    "publish_approved",
    "record_adoption",
    "record_view",
    "remove_item",
    "renew_share_link",
    "require_live",
    "review_actions",
    "review_practice",
    "decided_meanwhile",
    "review_seen",
    "set_bookmark",
    "submit_practice",
    "update_collection",
    "update_item",
    "update_practice",
    "withdraw_adoption",
    "withdraw_practice",
]
