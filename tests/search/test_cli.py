"""``python build.py search``: the same index and ranking as the site, on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, run_build_py


def test_search_prints_ranked_results_with_snippets(tmp_path: Path) -> None:
    result = run_build_py(
        "search", "borrow checker", "--content", str(ROOT / "content"), cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "5 result(s) for 'borrow checker'; the first 5:"
    assert lines[1].startswith(" 1. The borrow checker is a code reviewer, not an obstacle  ")
    assert "/articles/the-borrow-checker-is-a-reviewer/" in lines[1]
    assert "borrow checker" in lines[2]
    assert not (tmp_path / ".studyhall").exists()


def test_search_filters_and_prints_json(tmp_path: Path) -> None:
    result = run_build_py(
        "search",
        "pandas 内存",
        "--kind",
        "article",
        "--lang",
        "zh",
        "--limit",
        "2",
        "--json",
        "--content",
        str(ROOT / "content"),
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == [
        "/articles/pandas-neicun-youhua/",
        "/articles/duckdb-bendi-fenxi/",
    ]
    assert all(r["kind"] == "article" and r["lang"] == "zh" for r in records)


def test_search_explains_an_empty_result(tmp_path: Path) -> None:
    content = ["--content", str(ROOT / "content")]
    nothing = run_build_py("search", "!!!", *content, cwd=tmp_path)
    unknown = run_build_py("search", "zyzzyva", *content, cwd=tmp_path)

    assert nothing.returncode == 0
    assert (
        nothing.stdout.strip()
        == "'!!!' has no words to look for; type a word, e.g. asyncio or 数据."
    )
    assert unknown.stdout.strip() == (
        "Nothing matches 'zyzzyva'. Try fewer or shorter words, or the other language."
    )


def test_search_refuses_invalid_content(minimal_content: Path, tmp_path: Path) -> None:
    (minimal_content / "site.yml").write_text("title: [", encoding="utf-8")

    result = run_build_py("search", "intro", "--content", str(minimal_content), cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"Cannot search {minimal_content}/ until it is valid."
