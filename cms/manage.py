#!/usr/bin/env python
"""Django's command line for the Studyhall CMS (``python cms/manage.py help``)."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    # The CMS imports the build's content model, so the repository root is on the path too.
    sys.path[:0] = [str(here), str(here.parent)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyhall_cms.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
