"""Byte-identical analysis across processes, whatever Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT

SCRIPT = """
import hashlib
from pathlib import Path
from site_builder.analysis import analyse
from site_builder.sources.content_dir import ContentDirSource
from site_builder.validate.rules import check_interactions
snapshot, _ = ContentDirSource(Path("content")).load()
snapshot, _, _ = check_interactions(snapshot)
print(hashlib.sha256(analyse(snapshot).to_json().encode()).hexdigest())
"""


def digest(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_demo_analysis_is_identical_across_processes() -> None:
    assert digest("1") == digest("2")
