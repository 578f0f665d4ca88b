"""Build into a fresh folder and swap it in only when everything succeeded."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``out_dir``; on success it replaces ``out_dir``.

    On any failure the staging folder is removed and ``out_dir`` is not touched.
    """
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)
    previous = out_dir.with_name(f".{out_dir.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    shutil.rmtree(previous, ignore_errors=True)
