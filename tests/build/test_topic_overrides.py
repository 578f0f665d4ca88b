"""Author overrides in ``content/topics.yml``: applied on the built site, mistakes refused."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from site_builder.pipeline import BuildOptions, build_site
from site_builder.validate import ContentError
from tests.conftest import TEST_SECRET, run_build_py, tree_digest

PAGE_IDS = "course:SLUG, lesson:COURSE/LESSON, article:SLUG or live:SLUG"


def test_the_demo_renames_and_pins_topics_on_the_built_site(demo_site: Path) -> None:
    index = (demo_site / "topics" / "index.html").read_text(encoding="utf-8")
    raft = (demo_site / "topics" / "raft-leader" / "index.html").read_text(encoding="utf-8")
    state = json.loads((demo_site / "topics" / "state.json").read_text(encoding="utf-8"))
    shown = {t["slug"]: t for t in state["topics"]}
    clustered = {t["slug"]: t for t in state["clustered"]}

    assert shown["asyncio-task"]["label"] == "Async Python"
    assert shown["pandas"]["label"] == "数据分析与 pandas"
    assert '<a href="/topics/asyncio-task/">Async Python</a>' in index
    assert ">Distributed systems</text>" in index  # the topic map uses the new label too
    assert "Distributed systems" in raft
    assert "/articles/on-call-without-burnout/" in raft
    assert "article:on-call-without-burnout" in shown["raft-leader"]["members"]
    # The next build starts from the clustering before overrides.
    assert "article:on-call-without-burnout" not in clustered["raft-leader"]["members"]
    assert clustered["asyncio-task"]["label"] != "Async Python"


@pytest.mark.parametrize(
    ("topics_yml", "message"),
    [
        (
            "pin:\n  article:nope: intro\n",
            f"content/topics.yml: pin: 'article:nope' is not a page; use the id of an existing "
            f"page: {PAGE_IDS}",
        ),
        (
            "pin:\n  article:helo: intro\n",
            f"content/topics.yml: pin: 'article:helo' is not a page; use the id of an existing "
            f"page: {PAGE_IDS} (did you mean 'article:hello'?)",
        ),
        (
            "pin:\n  article:hello: Intro Topic\n",
            "content/topics.yml: pin: 'Intro Topic' is not a topic slug; use the last part of a "
            "topic's URL (/topics/SLUG/): lowercase letters, digits and hyphens",
        ),
        (
            "merge:\n  intro: intro\n",
            "content/topics.yml: merge: 'intro' is merged into itself; remove the line or name "
            "another topic",
        ),
        (
            "merge:\n  a: b\n  b: c\n  c: a\n",
            "content/topics.yml: merge: merges go round in a circle: a -> b -> c -> a; remove one "
            "of these merges",
        ),
        (
            "rename:\n  a: A\nmerge:\n  a: b\n",
            "content/topics.yml: rename: 'a' is merged into 'b', so this label is never shown; "
            "rename 'b' instead",
        ),
        (
            "rename:\n  a: [b\npin:\n  x: y\n",
            "content/topics.yml: line 3: invalid YAML (expected ',' or ']', but got ':'); fix the "
            "YAML syntax on that line",
        ),
        (
            "pin: [article:hello]\n",
            "content/topics.yml: pin: is a list, not a mapping; write one "
            "`article:sqlite-is-probably-enough: databases` line per entry under `pin:`",
        ),
        (
            "rename:\n  intro: [Intro]\n",
            "content/topics.yml: rename: 'intro': ['Intro'] is a list, not text; write "
            "`async-asyncio: Async Python` with text on both sides",
        ),
        (
            "- intro\n",
            "content/topics.yml: is not a mapping; write `rename:`, `merge:` and `pin:` sections",
        ),
        (
            "renames:\n  intro: Intro\n",
            "content/topics.yml: renames: is not a known section; use rename, merge or pin",
        ),
    ],
)
def test_a_bad_override_is_one_line_and_fails_the_build(
    minimal_content: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    topics_yml: str,
    message: str,
) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    (minimal_content / "topics.yml").write_text(topics_yml, encoding="utf-8")

    with pytest.raises(ContentError) as error:
        build_site(
            BuildOptions(content=minimal_content, out=tmp_path / "public", secret_dir=tmp_path)
        )

    assert [str(p) for p in error.value.problems] == [message]
    assert not (tmp_path / "public").exists()


def test_the_command_line_exits_1_and_leaves_public_as_it_was(
    minimal_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "public"
    assert (
        run_build_py(
            "build", "--content", str(minimal_content), "--out", str(out), cwd=tmp_path
        ).returncode
        == 0
    )
    before = tree_digest(out)
    (minimal_content / "topics.yml").write_text("pin:\n  article:nope: intro\n", encoding="utf-8")

    result = run_build_py(
        "build", "--content", str(minimal_content), "--out", str(out), cwd=tmp_path
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"content/topics.yml: pin: 'article:nope' is not a page; use the id of an existing page: "
        f"{PAGE_IDS}",
        f"Build failed: 1 problem(s); {out}/ was left as it was.",
    ]
    assert tree_digest(out) == before
    check = run_build_py("check", "--content", str(minimal_content), cwd=tmp_path)
    assert check.returncode == 1
    assert "content/topics.yml: pin: 'article:nope' is not a page" in check.stderr


def test_a_slug_no_topic_has_is_a_warning_in_the_build_summary(
    minimal_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYHALL_SECRET", TEST_SECRET)
    (minimal_content / "topics.yml").write_text(
        "rename:\n  no-such-topic: Nothing\nmerge:\n  gone-topic: other\n", encoding="utf-8"
    )

    report = build_site(
        BuildOptions(
            content=minimal_content, out=tmp_path / "public", secret_dir=tmp_path, now=time.time()
        )
    )

    state = json.loads((tmp_path / "public/topics/state.json").read_text(encoding="utf-8"))
    known = ", ".join(sorted(t["slug"] for t in state["clustered"]))
    assert [w for w in report.warnings if "topics.yml" in w] == [
        f"content/topics.yml: merge: no topic has the slug 'gone-topic' in this build, so the "
        f"rule does nothing; topics are {known}",
        f"content/topics.yml: rename: no topic has the slug 'no-such-topic' in this build, so "
        f"the rule does nothing; topics are {known}",
    ]
