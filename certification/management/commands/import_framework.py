from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from certification.rules.framework_exchange import CSV_COLUMNS, MAX_IMPORT_BYTES
from certification.services import import_framework


class Command(BaseCommand):
    help = (
        "Import a competency framework from a JSON or CSV file (strict: nothing is "
        "created when any row has a problem). CSV columns: " + ", ".join(CSV_COLUMNS)
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path")
        parser.add_argument(
            "--format",
            choices=("json", "csv"),
            help="default: from the file's extension",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        fmt = options["format"] or PurePath(path).suffix.lower().lstrip(".")
        if fmt not in ("json", "csv"):
            raise CommandError("Give a .json or .csv file, or --format.")
        try:
            with open(path, "rb") as file:
                raw = file.read(MAX_IMPORT_BYTES + 1)
        except OSError as error:
            raise CommandError(str(error)) from error
        report = import_framework(actor=None, raw=raw, fmt=fmt)
        if report.problem:
            self.stderr.write(report.problem)
        for place, reasons in report.errors:
            self.stderr.write(f"{place}: {'; '.join(reasons)}")
        if not report.ok:
            raise CommandError("Nothing was imported.")
        self.stdout.write(f"Imported framework {report.framework_id}.")
