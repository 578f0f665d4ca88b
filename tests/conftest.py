"""Shared fixtures: real builds of real content, run the way users run them."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEST_SECRET = "test-secret-" + "x" * 40


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_build_py(
    *args: str, cwd: Path, secret: str | None = TEST_SECRET
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "STUDYHALL_SECRET"}
    if secret is not None:
        env["STUDYHALL_SECRET"] = secret
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    """A private copy of the smallest fixture with every page type, free to break."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content built once, with a fixed secret, as a reader would get it."""
    work = tmp_path_factory.mktemp("demo")
    result = run_build_py(
        "build", "--content", str(ROOT / "content"), "--out", str(work / "public"), cwd=work
    )
    assert result.returncode == 0, result.stderr
    return work / "public"
