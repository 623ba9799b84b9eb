from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from practices_db.services.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the practices search index from the published practices."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} published practices.")
