"""The static shards: what the browser downloads, and that ranking from them equals Whoosh."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from whoosh.index import Index

from site_builder.search import query
from site_builder.search.analyzer import query_candidates
from site_builder.search.evaluate import LabelledQuery
from site_builder.search.index import build_index
from site_builder.search.shards import (
    TARGET_SHARD_BYTES,
    build_files,
    export_shards,
    fnv1a,
    shard_of,
)
from tests.gate.test_leaks import DEMO_CANARY, files_containing
from tests.search.hostile import HOSTILE_QUERIES
from tests.search.test_index import _document


def rank_from_shards(
    manifest: dict[str, Any], files: dict[str, bytes], text: str, kind: str = ""
) -> list[tuple[float, int]]:
    """What search-engine.js computes, written again in Python: BM25F from the shards alone."""
    scores: dict[int, float] = {}
    for term in query_candidates(text):
        shard = json.loads(files[f"t/{shard_of(term, manifest['shardCount'])}.json"])
        for field, postings in shard.get(term, []):
            idf = math.log(manifest["docCount"] / (len(postings) // 3 + 1)) + 1
            avg, boost = manifest["averageLength"][field], manifest["boosts"][field]
            b, k1 = manifest["B"], manifest["K1"]
            doc = 0
            for at in range(0, len(postings), 3):
                doc += postings[at]
                tf, length = postings[at + 1], postings[at + 2]
                bm25 = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / avg)))
                scores[doc] = scores.get(doc, 0.0) + bm25 * boost
    kinds, langs = manifest["kinds"], manifest["langs"]
    wanted = kinds.index(kind) if kind else None
    return sorted(
        (
            (round(score, manifest["decimals"]), doc)
            for doc, score in scores.items()
            if wanted is None or (ord(manifest["docs"][doc]) - 48) // len(langs) == wanted
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )


@pytest.fixture(scope="module")
def demo_files(demo_index: Index) -> tuple[dict[str, Any], dict[str, bytes]]:
    return build_files(demo_index)


def test_fnv1a_matches_the_reference_values() -> None:
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("foobar") == 0xBF9CF968


def test_ranking_from_the_shards_equals_whoosh(
    demo_index: Index,
    demo_files: tuple[dict[str, Any], dict[str, bytes]],
    labelled: list[LabelledQuery],
) -> None:
    manifest, files = demo_files
    for text in [q.query for q in labelled] + HOSTILE_QUERIES:
        whoosh = [(hit.score, hit.docnum) for hit in query(demo_index, text, limit=None).hits]
        assert rank_from_shards(manifest, files, text) == whoosh, text
    for kind in manifest["kinds"]:
        whoosh = [
            (h.score, h.docnum) for h in query(demo_index, "data", kind=kind, limit=None).hits
        ]
        assert rank_from_shards(manifest, files, "data", kind) == whoosh


def test_manifest_carries_what_the_browser_needs(
    demo_files: tuple[dict[str, Any], dict[str, bytes]],
) -> None:
    manifest, files = demo_files

    assert manifest["base"].startswith("/search/shards/")
    assert manifest["fields"] == ["title", "headings", "summary", "tags", "context", "body"]
    assert len(manifest["docs"]) == manifest["docCount"] == 42
    assert manifest["langs"] == ["en", "zh"]
    count = manifest["shardCount"]
    assert count & (count - 1) == 0
    assert {f"t/{n}.json" for n in range(count)} <= set(files)
    assert {f"d/{n}.json" for n in range(manifest["docCount"])} <= set(files)
    term_bytes = sum(len(data) for name, data in files.items() if name.startswith("t/"))
    assert term_bytes / count <= 2 * TARGET_SHARD_BYTES


def test_fragments_quote_public_text_only(
    demo_files: tuple[dict[str, Any], dict[str, bytes]],
) -> None:
    _, files = demo_files
    fragments = [json.loads(data) for name, data in files.items() if name.startswith("d/")]
    by_url = {fragment["url"]: fragment for fragment in fragments}

    assert not any(DEMO_CANARY in data for data in files.values())
    whole_page = by_url["/articles/free-threaded-python-in-practice/"]
    assert whole_page["text"] == ""
    assert whole_page["badge"] == "Member"
    assert "checklist" in whole_page["summary"]


def test_export_is_deterministic_and_fingerprinted(tmp_path: Path) -> None:
    documents = [_document(f"/{n}/", f"Page {n}", body="async rust") for n in range(3)]
    first = export_shards(build_index(documents), tmp_path / "one")
    again = export_shards(build_index(documents), tmp_path / "two")
    changed = export_shards(build_index(documents[:2]), tmp_path / "three")

    assert first == again
    assert (tmp_path / "one/search/index.json").read_bytes() == (
        tmp_path / "two/search/index.json"
    ).read_bytes()
    assert changed["base"] != first["base"]
    assert (tmp_path / "one" / first["base"].strip("/") / "d" / "2.json").exists()


def test_the_leak_scan_covers_the_shards(demo_site: Path, tmp_path: Path) -> None:
    shards = sorted((demo_site / "search" / "shards").rglob("*.json"))
    assert shards and files_containing(demo_site / "search", DEMO_CANARY) == []

    planted = tmp_path / "site"
    shutil.copytree(demo_site / "search", planted / "search")
    target = sorted((planted / "search" / "shards").rglob("d/0.json"))[0]
    target.write_bytes(target.read_bytes().replace(b'"text":"', b'"text":"MEMBERS-CANARY '))

    assert files_containing(planted, DEMO_CANARY) == [target.relative_to(planted).as_posix()]


def test_the_page_table_holds_what_a_results_list_shows(
    demo_files: tuple[dict[str, Any], dict[str, bytes]],
) -> None:
    manifest, files = demo_files
    table = json.loads(files["pages.json"])
    fragments = [json.loads(files[f"d/{n}.json"]) for n in range(manifest["docCount"])]

    assert len(table["pages"]) == manifest["docCount"]
    for (url, title, label, badge), fragment in zip(table["pages"], fragments, strict=True):
        assert (url, title) == (fragment["url"], fragment["title"])
        assert (table["labels"][label], table["badges"][badge]) == (
            fragment["label"],
            fragment["badge"],
        )
    assert not any(DEMO_CANARY in data for data in files.values())


def test_a_latin_words_shard_is_known_from_its_first_three_letters() -> None:
    for count in (1, 64, 4096):
        assert shard_of("buf", count) == shard_of("buffer", count) == shard_of("buffers", count)
        assert shard_of("数据", count) == shard_of("数据管道", count)
    assert shard_of("go", 4096) != shard_of("gor", 4096)
