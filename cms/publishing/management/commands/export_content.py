"""``manage.py export_content DIR``: write the published CMS as a content folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from publishing.content_io import export_content
from publishing.snapshot import build_snapshot


class Command(BaseCommand):
    help = (
        "Write the published pages, tiers, authors, columns and reader events as a content/ folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="where to write (created if missing)")

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty; export into a new folder")
        count = export_content(build_snapshot(), folder)
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} files into {folder}."))
