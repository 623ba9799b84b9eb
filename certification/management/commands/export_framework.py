from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from certification.models import CompetencyFramework
from certification.selectors import exported


class Command(BaseCommand):
    help = "Write a competency framework as JSON or CSV to standard output."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("code")
        parser.add_argument("--framework-version", default="")
        parser.add_argument("--format", choices=("json", "csv"), default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        frameworks = CompetencyFramework.objects.filter(code=options["code"])
        if options["framework_version"]:
            frameworks = frameworks.filter(version=options["framework_version"])
        framework = frameworks.order_by("-created_at", "-pk").first()
        if framework is None:
            raise CommandError(f"No framework {options['code']!r}.")
        self.stdout.write(exported(framework, options["format"]), ending="")
