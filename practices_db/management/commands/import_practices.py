from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from practices_db.services.exchange import IMPORT_COLUMNS, import_practices


class Command(BaseCommand):
    help = (
        "Import practices from a UTF-8 CSV file with a header row. Columns: "
        + ", ".join(IMPORT_COLUMNS)
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path")
        parser.add_argument(
            "--importer",
            required=True,
            help="username that imports (and publishes) the practices",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        importer = get_user_model().objects.filter(username=options["importer"]).first()
        if importer is None:
            raise CommandError(f"No user {options['importer']!r}.")
        try:
            with open(options["path"], "rb") as file:
                report = import_practices(importer=importer, file=file)
        except OSError as error:
            raise CommandError(str(error)) from error
        for row, title in report.created:
            self.stdout.write(f"row {row}: imported {title}")
        for row, reasons in report.rejected:
            self.stderr.write(f"row {row}: rejected: {'; '.join(reasons)}")
        if report.problem:
            self.stderr.write(report.problem)
        self.stdout.write(
            f"{len(report.created)} imported, {len(report.rejected)} rejected."
        )
        if not report.ok:
            raise CommandError("Some rows were not imported.")
