"""Reader events: a few broken rows are dropped and counted, too many fail the build."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_build_py

HEADER = "reader,item,event,time\n"
GOOD = "r1,article:hello,view,2026-02-01T10:00:00Z\n"


def _write(content: Path, rows: str) -> None:
    (content / "interactions.csv").write_text(HEADER + rows, encoding="utf-8")


def test_a_few_bad_rows_are_dropped_with_their_line_numbers(
    minimal_content: Path, tmp_path: Path
) -> None:
    _write(
        minimal_content,
        GOOD * 40
        + "r2,article:nope,view,2026-02-01T10:00:00Z\n"
        + "r3,article:hello,view,yesterday\n",
    )

    result = run_build_py(
        "build", "--content", str(minimal_content), "--out", str(tmp_path / "out"), cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert (
        "warning: content/interactions.csv:42: item: unknown item 'article:nope'; row dropped"
        in lines
    )
    assert (
        "warning: content/interactions.csv:43: time: 'yesterday' is not an ISO 8601 time "
        "(e.g. 2026-03-01T10:15:00Z); row dropped" in lines
    )
    assert "warning: content/interactions.csv: 2 of 42 rows dropped (5% allowed)" in lines


def test_too_many_bad_rows_fail_the_build(minimal_content: Path, tmp_path: Path) -> None:
    _write(minimal_content, GOOD * 5 + "r2,article:hello,view\n" * 2)

    result = run_build_py(
        "build", "--content", str(minimal_content), "--out", str(tmp_path / "out"), cwd=tmp_path
    )

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert (
        "warning: content/interactions.csv:7: 3 columns instead of reader,item,event,time; row dropped"
        in lines
    )
    assert (
        "content/interactions.csv: 2 of 7 rows dropped, more than the 5% allowed; fix the rows listed as warnings"
        in lines
    )
    assert not (tmp_path / "out").exists()


def test_a_wrong_header_fails_the_build(minimal_content: Path, tmp_path: Path) -> None:
    (minimal_content / "interactions.csv").write_text("who,what\n" + GOOD)

    result = run_build_py("check", "--content", str(minimal_content), cwd=tmp_path)

    assert result.returncode == 1
    assert (
        "content/interactions.csv: line 1: header is ['who', 'what']; the first line must be reader,item,event,time"
        in result.stderr.splitlines()
    )
