"""`manage.py erase_person USERNAME --yes`: the right to erasure, in one step."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lms.accounts.services import erase_person


class Command(BaseCommand):
    help = (
        "Erase a person: what every app holds about them (see "
        "lms.accounts.selectors.register_personal_data), their account, profile "
        "and queued e-mail. "
        "Their learning statements stay as anonymous history. Irreversible."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--yes", action="store_true", help="confirm the erasure")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No person with username {options['username']!r}.")
        if not options["yes"]:
            raise CommandError("Erasure cannot be undone; add --yes to confirm.")
        erase_person(user=user)
        self.stdout.write(f"Erased {options['username']}.")
