"""`manage.py create_lrs_client NAME`: credentials for a tool that uses the LRS."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lms.xapi.models import LRSClient
from lms.xapi.services import create_client


class Command(BaseCommand):
    help = 'Create LRS credentials and print {"key": ..., "secret": ...} (shown once).'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="who uses these credentials, e.g. 'H5P'")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--read-only", action="store_true", help="may only read")
        scope.add_argument("--write-only", action="store_true", help="may only write")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["name"].strip()
        if not name or len(name) > 200:
            raise CommandError("NAME must be 1 to 200 characters.")
        if LRSClient.objects.filter(name=name).exists():
            raise CommandError(f"An LRS client named {name!r} already exists.")
        client, secret = create_client(
            name=name,
            can_read=not options["write_only"],
            can_write=not options["read_only"],
        )
        self.stdout.write(json.dumps({"key": client.key, "secret": secret}))
