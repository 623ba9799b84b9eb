"""`manage.py xapi_replay DESTINATION [--since T] [--until T] [--dead-only]
[--statement ID]`."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lms.xapi.models import Destination
from lms.xapi.rules.validation import parse_timestamp
from lms.xapi.services.forwarding_replay import replay


class Command(BaseCommand):
    help = "Send statements stored in a time range to an external LRS again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", help="the destination's name")
        parser.add_argument("--since", help="stored at or after (ISO 8601)")
        parser.add_argument("--until", help="stored at or before (ISO 8601)")
        parser.add_argument(
            "--dead-only", action="store_true", help="only dead letters"
        )
        parser.add_argument("--statement", help="only this statement (its id)")

    def handle(self, *args: Any, **options: Any) -> None:
        destination = Destination.objects.filter(name=options["destination"]).first()
        if destination is None:
            names = ", ".join(Destination.objects.values_list("name", flat=True)) or "-"
            raise CommandError(
                f"No destination named {options['destination']!r}. Known: {names}."
            )
        bounds: dict[str, Any] = {}
        for name in ("since", "until"):
            if options[name]:
                try:
                    bounds[name] = parse_timestamp(options[name])
                except ValueError:
                    raise CommandError(
                        f"--{name} must be an ISO 8601 timestamp."
                    ) from None
        if options["statement"]:
            try:
                bounds["statement_id"] = uuid.UUID(options["statement"])
            except ValueError:
                raise CommandError("--statement must be a statement id.") from None
        count = replay(
            destination=destination, dead_only=options["dead_only"], **bounds
        )
        self.stdout.write(f"Queued {count} statement(s) for {destination.name}.")
