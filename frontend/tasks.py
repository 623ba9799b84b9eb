"""Celery tasks of the frontend: thin and keyed by primary key."""

from __future__ import annotations

from celery import shared_task

from .services.reports import build_report, enqueue_pending_reports


@shared_task(acks_late=True)
def build_yearly_report(report_id: int) -> str | None:
    """Build a requested yearly report (a ready one is left alone)."""
    report = build_report(report_id=report_id)
    return None if report is None else str(report.status)


@shared_task
def build_pending_reports() -> int:
    """Beat's sweeper: enqueue reports whose building task never ran."""
    return enqueue_pending_reports()
