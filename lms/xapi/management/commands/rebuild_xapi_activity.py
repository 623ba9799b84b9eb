"""Recompute the monthly activity figures from the stored statements."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lms.xapi.services import activity


class Command(BaseCommand):
    help = "Recompute the monthly statement counts the dashboards show."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = activity.rebuild()
        self.stdout.write(f"{rows} month/verb counts rebuilt.")
