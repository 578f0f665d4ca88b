"""The analysis result: everything later stages render, as one JSON-serialisable value."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from site_builder.analysis.topics import PreviousTopics, Topic


@dataclass(frozen=True)
class AnalysisResult:
    """What the build knows about its catalogue.

    * ``topics``: clusters, largest first; ``slug`` is the URL part, stable across builds.
    * ``placed``: pages put into an existing topic without re-clustering (rebuild state).
    * ``related``: page id -> related page ids, best first (never the page itself).
    * ``neighbours``: item id -> ``[(item id, weight), ...]`` for the browser recommender.
    * ``popular``: most-read items, for a reader with no history.
    * ``history_decay``: weight of the ``n``-th most recent history item is ``decay ** n``.
    * ``paths``: course slug -> ordered course slugs to take, ending with that course.
    * ``topic_map_svg`` and ``paths_svg``: the two pictures, as SVG text.
    * ``clustered``: the topics before author overrides (rebuild state).
    """

    topics: tuple[Topic, ...] = ()
    placed: tuple[str, ...] = ()
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    neighbours: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    popular: tuple[str, ...] = ()
    history_decay: float = 0.8
    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    topic_map_svg: str = ""
    paths_svg: str = ""
    clustered: tuple[Topic, ...] = ()

    def topic_of(self, item: str) -> Topic | None:
        return next((t for t in self.topics if item in t.members), None)

    def to_json(self) -> str:
        """Canonical JSON: sorted keys, no spaces; the same result gives the same bytes."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def browser_json(self) -> str:
        """The compact part the browser needs to recommend from local reading history."""
        data = {
            "neighbours": {k: [list(p) for p in v] for k, v in self.neighbours.items()},
            "popular": list(self.popular),
            "history_decay": self.history_decay,
            "paths": {k: list(v) for k, v in self.paths.items()},
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> AnalysisResult:
        data: dict[str, Any] = json.loads(text)
        return cls(
            topics=_topics(data.get("topics", ())),
            clustered=_topics(data.get("clustered", ())),
            placed=tuple(data.get("placed", ())),
            related={k: tuple(v) for k, v in data.get("related", {}).items()},
            neighbours={
                k: tuple((str(i), float(w)) for i, w in v)
                for k, v in data.get("neighbours", {}).items()
            },
            popular=tuple(data.get("popular", ())),
            history_decay=float(data.get("history_decay", 0.8)),
            paths={k: tuple(v) for k, v in data.get("paths", {}).items()},
            topic_map_svg=data.get("topic_map_svg", ""),
            paths_svg=data.get("paths_svg", ""),
        )

    def previous_topics(self) -> PreviousTopics:
        """What the next build needs to keep topic ids and URLs stable."""
        return PreviousTopics(self.clustered or self.topics, frozenset(self.placed))


def _topics(data: Any) -> tuple[Topic, ...]:
    return tuple(
        Topic(**{**t, "members": tuple(t["members"]), "terms": tuple(t["terms"])}) for t in data
    )
