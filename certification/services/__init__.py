"""Writes of the certification app: one function per use case."""

from __future__ import annotations

from .allocation import allocate_assessors, allocate_third_assessor
from .assessment import decide, submit_assessment
from .audit import log_event
from .credentials import (
    enqueue_pending_credentials,
    issue_credential,
    reissue_credential,
    revoke_credential,
)
from .erasure import erase_personal_data
from .frameworks import create_framework, import_framework
from .portfolios import (
    link_evidence,
    remove_evidence,
    save_self_assessment,
    start_portfolio,
    submit_portfolio,
    upload_evidence,
)
from .reminders import send_expiry_reminders
from .rubrics import check_rubric_editable, new_rubric_version, save_rubric
from .status_lists import refresh_status_lists

__all__ = [
    "allocate_assessors",
    "allocate_third_assessor",
    "check_rubric_editable",
    "create_framework",
    "decide",
    "enqueue_pending_credentials",
    "erase_personal_data",
    "import_framework",
    "issue_credential",
    "link_evidence",
    "log_event",
    "new_rubric_version",
    "refresh_status_lists",
    "reissue_credential",
    "remove_evidence",
    "revoke_credential",
    "save_rubric",
    "save_self_assessment",
    "send_expiry_reminders",
    "start_portfolio",
    "submit_assessment",
    "submit_portfolio",
    "upload_evidence",
]
