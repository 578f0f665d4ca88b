"""Learning paths: what to take first, from the course prerequisite graph.

The path to a course is every course it depends on, directly or not, in an
order that respects each prerequisite (ties by slug, so the order is stable),
ending with the course itself. The browser drops the courses a reader has
finished. The drawing places each course in the column of its longest chain
of prerequisites, so arrows always point right.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from site_builder.analysis.svg import document, label, text_width
from site_builder.model import Interaction, Snapshot

BOX_HEIGHT = 44
COLUMN_GAP = 70
ROW_GAP = 22
MARGIN = 20


class LearningPaths:
    """``paths_[course_slug]`` is the ordered tuple of course slugs leading to it."""

    def fit(self, snapshot: Snapshot, interactions: Sequence[Interaction] = ()) -> LearningPaths:
        graph = nx.DiGraph()
        titles = {course.slug: course.title for course in snapshot.courses}
        graph.add_nodes_from(sorted(titles))
        for course in snapshot.courses:
            for prerequisite in course.prerequisites:
                if prerequisite in titles and prerequisite != course.slug:
                    graph.add_edge(prerequisite, course.slug)
        self.graph_ = graph
        self.titles_ = titles
        self.paths_: dict[str, tuple[str, ...]] = {}
        for slug in sorted(titles):
            needed = graph.subgraph(nx.ancestors(graph, slug) | {slug})
            if nx.is_directed_acyclic_graph(needed):
                self.paths_[slug] = tuple(nx.lexicographical_topological_sort(needed))
            else:  # validation reports cycles; never loop here
                self.paths_[slug] = (slug,)
        return self

    def depth(self) -> dict[str, int]:
        """Length of the longest prerequisite chain below each course."""
        depth: dict[str, int] = {}
        for slug in sorted(self.paths_, key=lambda s: len(self.paths_[s])):
            before = [depth.get(p, 0) + 1 for p in self.graph_.predecessors(slug) if p in depth]
            depth[slug] = max(before, default=0)
        return depth

    def svg(self) -> str:
        """The prerequisite graph as an SVG picture; links go to ``../courses/<slug>/``."""
        depth = self.depth()
        columns: dict[int, list[str]] = {}
        for slug in sorted(depth):
            columns.setdefault(depth[slug], []).append(slug)
        width_of = {s: max(120.0, text_width(self.titles_[s], 13) + 24) for s in depth}
        column_width = {c: max(width_of[s] for s in slugs) for c, slugs in columns.items()}
        x_of, y_of, left = {}, {}, float(MARGIN)
        for column in sorted(columns):
            for row, slug in enumerate(columns[column]):
                x_of[slug] = left
                y_of[slug] = MARGIN + row * (BOX_HEIGHT + ROW_GAP)
            left += column_width[column] + COLUMN_GAP
        height = MARGIN * 2 + max((len(s) for s in columns.values()), default=0) * (
            BOX_HEIGHT + ROW_GAP
        )
        body = [
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            'fill="currentColor"/></marker></defs>'
        ]
        for source, target in sorted(self.graph_.edges):
            x1 = x_of[source] + width_of[source]
            y1 = y_of[source] + BOX_HEIGHT / 2
            x2, y2 = x_of[target], y_of[target] + BOX_HEIGHT / 2
            body.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2 - 2:.1f}" y2="{y2:.1f}" '
                'stroke="currentColor" stroke-opacity="0.6" marker-end="url(#arrow)"/>'
            )
        for slug in sorted(depth):
            x, y, w = x_of[slug], y_of[slug], width_of[slug]
            body.append(
                f'<a href="../courses/{slug}/"><rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" '
                f'height="{BOX_HEIGHT}" rx="8" fill="none" stroke="currentColor"/>'
                + label(x + w / 2, y + BOX_HEIGHT / 2 + 5, self.titles_[slug])
                + "</a>"
            )
        return document(
            max(left - COLUMN_GAP + MARGIN, 200), max(height, 80), "Learning paths", body
        )
