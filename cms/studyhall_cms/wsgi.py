"""WSGI entry point: ``gunicorn studyhall_cms.wsgi`` with ``cms/`` and the repository on the path."""

import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent
for folder in (_HERE, _HERE.parent):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "studyhall_cms.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
