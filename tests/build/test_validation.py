"""Every bad input: the exact message, a non-zero exit, and the previous site untouched."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_build_py, tree_digest


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def missing_title(c: Path) -> None:
    _edit(c / "courses/intro/01-first.md", "title: First lesson\n", "")


def duplicate_slug(c: Path) -> None:
    text = (c / "articles/hello.md").read_text()
    (c / "articles/hello-again.md").write_text(
        text.replace("title: Hello", "title: Again\nslug: hello")
    )


def unknown_author(c: Path) -> None:
    _edit(c / "articles/hello.md", "author: ada", "author: nobody")


def unknown_tier(c: Path) -> None:
    _edit(c / "courses/intro/course.md", "tier: member", "tier: gold")


def unknown_course(c: Path) -> None:
    _edit(c / "courses/intro/02-second.md", "access: member", "access: course:nope")


def order_gap(c: Path) -> None:
    (c / "courses/intro/02-second.md").rename(c / "courses/intro/03-second.md")


def order_duplicate(c: Path) -> None:
    _edit(
        c / "courses/intro/02-second.md", "title: Second lesson", "title: Second lesson\norder: 1"
    )


def bad_date(c: Path) -> None:
    _edit(c / "articles/hello.md", "date: 2026-01-05", "date: 2026-13-40")


def missing_prerequisite(c: Path) -> None:
    _edit(c / "courses/intro/course.md", "authors: [ada]", "authors: [ada]\nprerequisites: [ghost]")


def cyclic_prerequisites(c: Path) -> None:
    advanced = c / "courses/advanced"
    advanced.mkdir()
    (advanced / "course.md").write_text(
        "---\ntitle: Advanced\nprerequisites: [intro]\n---\nMore.\n"
    )
    (advanced / "01-deep.md").write_text("---\ntitle: Deep\n---\nDeep text.\n")
    _edit(
        c / "courses/intro/course.md", "authors: [ada]", "authors: [ada]\nprerequisites: [advanced]"
    )


def unreadable_file(c: Path) -> None:
    (c / "articles/broken.md").symlink_to(c / "articles/missing-target.md")


def invalid_yaml(c: Path) -> None:
    _edit(c / "articles/hello.md", "tags: [intro]", "tags: [intro")


def not_utf8(c: Path) -> None:
    path = c / "articles/hello.md"
    path.write_bytes(
        path.read_bytes().replace(b"Public article text.", "Caf\u00e9 text.".encode("latin-1"))
    )


def unknown_entitlement(c: Path) -> None:
    _edit(c / "courses/intro/01-first.md", "/// members | member", "/// members | gold")


def missing_teaser(c: Path) -> None:
    _edit(
        c / "courses/intro/02-second.md", "teaser: What the second lesson covers, in public.\n", ""
    )


def unclosed_block(c: Path) -> None:
    path = c / "courses/intro/01-first.md"
    path.write_text(path.read_text().rstrip().removesuffix("///") + "\n")


CASES: list[tuple[Callable[[Path], None], str]] = [
    (
        missing_title,
        "content/courses/intro/01-first.md: title: missing; add `title:` to the front matter",
    ),
    (
        duplicate_slug,
        "content/articles/hello.md: slug: 'hello' is already used by content/articles/hello-again.md; "
        "give each article a distinct slug",
    ),
    (
        unknown_author,
        "content/articles/hello.md: author: unknown author 'nobody'; use one defined in authors.yml (ada)",
    ),
    (
        unknown_tier,
        "content/courses/intro/course.md: tier: unknown tier 'gold'; use one defined in tiers.yml (free, member)",
    ),
    (
        unknown_course,
        "content/courses/intro/02-second.md: access: entitlement 'course:nope' names an unknown course; "
        "use course:SLUG of an existing course",
    ),
    (
        order_gap,
        "content/courses/intro/03-second.md: order: 3 leaves a gap in course 'intro' (no lesson 2); "
        "number the lessons 1, 2, 3, ... without gaps",
    ),
    (
        order_duplicate,
        "content/courses/intro/02-second.md: order: 1 is used twice in course 'intro'; give each lesson a distinct order",
    ),
    (
        bad_date,
        "content/articles/hello.md: date: '2026-13-40' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14",
    ),
    (
        missing_prerequisite,
        "content/courses/intro/course.md: prerequisites: course 'ghost' does not exist; "
        "name a folder under courses/ or remove it",
    ),
    (
        cyclic_prerequisites,
        "content/courses/advanced/course.md: prerequisites: cyclic prerequisites: advanced -> intro -> advanced; "
        "remove one of these prerequisites to break the cycle",
    ),
    (
        unreadable_file,
        "content/articles/broken.md: cannot be read (No such file or directory); check that the file exists and is readable",
    ),
    (
        invalid_yaml,
        "content/articles/hello.md: line 7: invalid YAML (expected ',' or ']', but got ':'); "
        "fix the YAML syntax on that line",
    ),
    (
        not_utf8,
        "content/articles/hello.md: is not UTF-8 (byte 0xe9 at offset 107); save the file with UTF-8 encoding",
    ),
    (
        unknown_entitlement,
        "content/courses/intro/01-first.md: body: unknown entitlement 'gold'; use a tier slug (member) or course:SLUG",
    ),
    (
        missing_teaser,
        "content/courses/intro/02-second.md: teaser: missing for a members-only page; "
        "add a public `teaser:` sentence that readers see before they unlock it",
    ),
    (
        unclosed_block,
        "content/courses/intro/01-first.md: body: line 9: members section is never closed; "
        "add a line with only `///` where the section ends",
    ),
]


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A successful build of the fixture, to check that failures leave it alone."""
    from tests.conftest import FIXTURES

    work = tmp_path_factory.mktemp("previous")
    result = run_build_py(
        "build", "--content", str(FIXTURES / "minimal"), "--out", str(work / "public"), cwd=work
    )
    assert result.returncode == 0, result.stderr
    return work / "public"


@pytest.mark.parametrize(("mistake", "message"), CASES, ids=[case[0].__name__ for case in CASES])
def test_bad_input_is_reported_and_previous_site_kept(
    mistake: Callable[[Path], None], message: str, minimal_content: Path, previous_site: Path
) -> None:
    before = tree_digest(previous_site)
    mistake(minimal_content)

    result = run_build_py(
        "build",
        "--content",
        str(minimal_content),
        "--out",
        str(previous_site),
        cwd=minimal_content.parent,
    )

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert message in lines, "\n".join(lines)
    assert "Traceback" not in result.stderr
    assert lines[-1].startswith("Build failed:")
    assert tree_digest(previous_site) == before
    assert not [p for p in previous_site.parent.iterdir() if ".staging-" in p.name]


def test_every_problem_is_reported_at_once(minimal_content: Path) -> None:
    bad_date(minimal_content)
    unknown_author(minimal_content)
    missing_title(minimal_content)

    result = run_build_py("check", "--content", str(minimal_content), cwd=minimal_content.parent)

    assert result.returncode == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith("content/")]) == 3


def test_production_build_refuses_to_run_without_a_secret(
    minimal_content: Path, tmp_path: Path
) -> None:
    result = run_build_py(
        "build",
        "--production",
        "--content",
        str(minimal_content),
        "--out",
        str(tmp_path / "out"),
        cwd=tmp_path,
        secret=None,
    )

    assert result.returncode == 1
    assert "STUDYHALL_SECRET is not set" in result.stderr
    assert not (tmp_path / "out").exists()


def test_development_build_keeps_its_secret_outside_the_output(
    minimal_content: Path, tmp_path: Path
) -> None:
    result = run_build_py(
        "build",
        "--content",
        str(minimal_content),
        "--out",
        str(tmp_path / "out"),
        cwd=tmp_path,
        secret=None,
    )

    assert result.returncode == 0, result.stderr
    assert "Development secret in use" in result.stderr
    secret = (tmp_path / ".studyhall" / "dev-secret").read_text().strip()
    assert all(
        secret.encode() not in p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()
    )
    assert oct(os.stat(tmp_path / ".studyhall" / "dev-secret").st_mode)[-3:] == "600"
