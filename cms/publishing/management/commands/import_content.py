"""``manage.py import_content content/``: load a content folder into an empty CMS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from publishing.content_io import ImportRefused, import_content


class Command(BaseCommand):
    help = "Load a content/ folder (Markdown + YAML) into an empty CMS and publish every page."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="the content folder, e.g. content/")

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        try:
            report = import_content(folder)
        except ImportRefused as error:
            for line in error.lines:
                self.stderr.write(line)
            raise CommandError(f"nothing was imported from {folder}") from error
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {report.pages} pages, {report.snippets} tiers/authors/columns "
                    f"and {report.interactions} reader events from {folder}."
                )
            )
