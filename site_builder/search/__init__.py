"""Search in English and Chinese: one Whoosh index per build, exported as static shards.

``analyzer`` turns text into terms, ``documents`` picks what each gated page
contributes, ``index`` builds and queries Whoosh, ``shards`` writes the files
the browser ranks from, ``snippets`` marks the words a result matched.
"""

from __future__ import annotations

from pathlib import Path

from whoosh.index import Index

from site_builder.model import Snapshot
from site_builder.search.documents import search_documents
from site_builder.search.index import Hit, Results, build_index, query
from site_builder.search.shards import export_shards

__all__ = ["Hit", "Results", "index_snapshot", "query", "write_search"]


def index_snapshot(snapshot: Snapshot) -> Index:
    """The index of a gated snapshot."""
    return build_index(search_documents(snapshot))


def write_search(snapshot: Snapshot, out_dir: Path) -> None:
    """Index the gated snapshot and write the browser's shards under ``out_dir/search/``."""
    export_shards(index_snapshot(snapshot), out_dir)
