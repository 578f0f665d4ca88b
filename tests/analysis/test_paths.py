"""Learning paths from course prerequisites, and their picture."""

from __future__ import annotations

from site_builder.analysis import LearningPaths
from site_builder.model import Snapshot

from .conftest import course, snapshot


def graph() -> Snapshot:
    return snapshot(
        courses=(
            course("basics", "Basics", []),
            course("tools", "Tools", []),
            course("web", "Web", [], prerequisites=("basics",)),
            course("ops", "Ops", [], prerequisites=("tools", "basics")),
            course("capstone", "Capstone 毕业项目", [], prerequisites=("web", "ops")),
        )
    )


def test_path_lists_every_prerequisite_first() -> None:
    paths = LearningPaths().fit(graph()).paths_
    assert paths["basics"] == ("basics",)
    assert paths["ops"] == ("basics", "tools", "ops")
    path = paths["capstone"]
    assert path[-1] == "capstone"
    assert set(path) == {"basics", "tools", "web", "ops", "capstone"}
    for course_slug, needs in (("web", "basics"), ("ops", "tools"), ("capstone", "web")):
        assert path.index(needs) < path.index(course_slug)


def test_demo_paths(demo: Snapshot) -> None:
    paths = LearningPaths().fit(demo).paths_
    assert paths["distributed-systems"] == (
        "python-async",
        "rust-foundations",
        "distributed-systems",
    )


def test_picture_is_deterministic_svg() -> None:
    first, second = LearningPaths().fit(graph()).svg(), LearningPaths().fit(graph()).svg()
    assert first == second
    assert first.startswith("<svg") and first.count("<rect") == 5
    assert first.count("<line") == 5
    assert "Capstone 毕业项目" in first
