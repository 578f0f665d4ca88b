"""The demo's search index, built the way ``build.py search`` builds it, and the labelled queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.index import Index

from site_builder.search import index_snapshot
from site_builder.search.evaluate import LabelledQuery, load_queries
from site_builder.search_cli import public_snapshot
from tests.browser.conftest import browser_type_launch_args, problems, site_url
from tests.conftest import ROOT

# The browser fixtures of tests/browser, for the parity test in Chromium.
__all__ = ["browser_type_launch_args", "problems", "site_url"]

QUERIES = Path(__file__).resolve().parent / "queries.yml"


@pytest.fixture(scope="session")
def demo_index() -> Index:
    snapshot, problems = public_snapshot(ROOT / "content")
    assert problems == []
    return index_snapshot(snapshot)


@pytest.fixture(scope="session")
def labelled() -> list[LabelledQuery]:
    return load_queries(QUERIES)
