"""Analysis results kept on disk, keyed by the hash of everything they depend on.

A rebuild after a change that leaves the public text alone (a template, a
price, a members-only section, a replay link) reuses the last analysis
instead of clustering the catalogue again. The key covers the snapshot with
its ciphertext blanked out (it changes with every key epoch), the
previous result, the seed, the analysis code and the versions of the
libraries whose arithmetic it relies on. A cache entry that cannot be read is
ignored and computed afresh: the cache can make a build faster, never wrong.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

from site_builder.analysis.result import AnalysisResult
from site_builder.model import Snapshot
from site_builder.model.body import Sealed

#: How many results to keep; older entries are removed when a new one is written.
KEEP = 4
_LIBRARIES = ("numpy", "scipy", "scikit-learn", "networkx", "jieba", "threadpoolctl")
_ANALYSIS_DIR = Path(__file__).resolve().parent


def analysis_key(
    snapshot: Snapshot, previous: AnalysisResult | None, overrides: Any, seed: int
) -> str:
    digest = hashlib.sha256()
    for part in (
        _code_fingerprint(),
        repr(_without_ciphertext(snapshot)),
        previous.to_json() if previous is not None else "",
        repr(overrides),
        str(seed),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class AnalysisCache:
    """A folder of ``<key>.json`` files, each one :meth:`AnalysisResult.to_json`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self, key: str) -> AnalysisResult | None:
        try:
            return AnalysisResult.from_json((self.folder / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def store(self, key: str, result: AnalysisResult) -> None:
        """Write atomically, so a build stopped half-way never leaves a torn entry."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False
            ) as handle:
                handle.write(result.to_json())
            os.replace(handle.name, self.folder / f"{key}.json")
            self._prune()
        except OSError:
            pass  # a read-only or full disk costs the next build time, nothing else

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[KEEP:]:
            stale.unlink(missing_ok=True)


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for source in sorted(_ANALYSIS_DIR.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    digest.update(" ".join(f"{name}={version(name)}" for name in _LIBRARIES).encode())
    return digest.hexdigest()


def _without_ciphertext(value: Any) -> Any:
    """The same value with every sealed section's nonce and ciphertext left empty."""
    if isinstance(value, Sealed):
        return dataclasses.replace(value, nonce="", ciphertext="")
    if isinstance(value, tuple):
        return tuple(_without_ciphertext(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _without_ciphertext(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    return value
