"""`manage.py seed_demo`: idempotent demo data from every installed app."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from lms.demo import demo_seeders


class Command(BaseCommand):
    help = "Create demo data (faculties, one person per role, content). Safe to rerun."

    def handle(self, *args: Any, **options: Any) -> None:
        for seeder in demo_seeders():
            with transaction.atomic():
                seeder.run()
            self.stdout.write(f"  seeded {seeder.name}")
            for line in seeder.notes() if seeder.notes else ():
                self.stdout.write(f"    {line}")
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
