"""Celery tasks of the frontend: thin and keyed by primary key."""

from __future__ import annotations

from celery import shared_task

from .models import YearlyReport


@shared_task(acks_late=True)
def build_yearly_report(report_id: int) -> str | None:
    """Build a requested yearly report (a ready one is left alone)."""
    from .reports import build_report

    report = YearlyReport.objects.filter(pk=report_id).first()
    if report is None:
        return None
    return build_report(report).status
