"""Topics readers can browse: clusters of pages with a label and a stable URL.

Pages are clustered on their public text (see ``clustering.py``). When ``k``
is not given it is the value with the highest mean silhouette (cosine, on the
LSA vectors; ties go to fewer topics) among ``3..min(max_topics, n / 4)``:
at least three topics, because two is nearly always "English vs Chinese" on a
bilingual site and browses like no index at all, and about four pages or more
per topic on average. Sites under twelve pages search ``2..n / 3``. Large
catalogues choose k on a sample of ``selection_sample`` pages with one start per k.

Stability: a rebuild passes the previous build's topics. While fewer than
``recluster_share`` of the pages are new, gone, or were placed this way
before, existing pages keep their topic and new pages join the topic whose
centre is nearest; otherwise the catalogue is clustered afresh and each new
cluster inherits the id and slug of the previous topic it overlaps most
(Hungarian matching), so topic URLs survive. Author overrides
(``overrides.py``) apply last, on every build: the previous topics a rebuild
starts from are the ones before overrides (``clustered_``), so that a merged
topic keeps matching its old slug and the rule keeps applying.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from site_builder.analysis.clustering import RefinedKMeans, centroid_sums, lsa_embedding
from site_builder.analysis.overrides import TopicOverrides
from site_builder.analysis.svg import document, label, text_width
from site_builder.analysis.text import TextFeatures, page_text
from site_builder.model import Interaction, Snapshot


@dataclass(frozen=True)
class Topic:
    """One topic: ``slug`` is its URL part, ``x``/``y`` its place on the topic map (0..1)."""

    id: str
    slug: str
    label: str
    members: tuple[str, ...]
    terms: tuple[str, ...] = ()
    x: float = 0.5
    y: float = 0.5


@dataclass(frozen=True)
class PreviousTopics:
    """What a rebuild needs from the last build: its topics and incremental placements."""

    topics: tuple[Topic, ...] = ()
    placed: frozenset[str] = field(default_factory=frozenset)


class TopicModel:
    """Cluster a snapshot's pages into labelled topics with stable ids and slugs."""

    def __init__(
        self,
        n_topics: int | None = None,
        *,
        max_topics: int = 12,
        n_terms: int = 3,
        dims: int = 100,
        recluster_share: float = 0.1,
        selection_sample: int = 1000,
        selection_work: int = 1500,
        previous: PreviousTopics | None = None,
        overrides: TopicOverrides | None = None,
        seed: int = 0,
    ) -> None:
        self.n_topics = n_topics
        self.max_topics = max_topics
        self.n_terms = n_terms
        self.dims = dims
        self.recluster_share = recluster_share
        self.selection_sample = selection_sample
        self.selection_work = selection_work
        self.previous = previous
        self.overrides = overrides
        self.seed = seed

    def fit(self, snapshot: Snapshot, interactions: Sequence[Interaction] = ()) -> TopicModel:
        pages = list(snapshot.pages())
        self.items_ = [page.item_id for page in pages]
        if not pages:
            self.topics_: tuple[Topic, ...] = ()
            self.placed_: tuple[str, ...] = ()
            self.clustered_: tuple[Topic, ...] = ()
            self.embedding_ = np.zeros((0, 2))
            return self
        self.features_ = TextFeatures()
        features = self.features_.fit_transform([page_text(page) for page in pages])
        self.embedding_ = lsa_embedding(features, self.dims, self.seed)
        self._inherited: list[Topic] | None = None
        labels, placed = self._incremental_labels()
        if labels is None:
            labels = self._cluster(features)
            placed = set()
        clusters = _groups(labels)
        terms = [self._terms(features, members) for members in clusters]
        topics = self._name(clusters, terms)
        self.clustered_ = tuple(topics)  # before overrides: what the next build starts from
        topics = self._apply_overrides(topics)
        self.placed_ = tuple(sorted(placed & {i for t in topics for i in t.members}))
        self.topics_ = self._place_on_map(topics)
        return self

    # -- clustering -----------------------------------------------------------------

    def _cluster(self, features: sp.csr_matrix) -> np.ndarray:
        n_pages = features.shape[0]
        if n_pages < 6:
            return np.zeros(n_pages, dtype=np.int64)
        k = self.n_topics or self._choose_k(features)
        return (
            RefinedKMeans(k, dims=self.dims, seed=self.seed).fit(features, self.embedding_).labels_
        )

    def _choose_k(self, features: sp.csr_matrix) -> int:
        n_pages = features.shape[0]
        rows = np.arange(n_pages)
        if n_pages > self.selection_sample:
            rng = np.random.default_rng(self.seed)
            rows = np.sort(rng.permutation(n_pages)[: self.selection_sample])
        sub_features, sub_embedding = features[rows], self.embedding_[rows]
        # Each candidate k gets the same refinement work, split into up to three starts:
        # a small catalogue tries three, a large sample one (its partitions vary less).
        starts = max(1, min(3, self.selection_work // len(rows)))
        best = (-2.0, 1)
        low, high = (3, len(rows) // 4) if len(rows) >= 12 else (2, len(rows) // 3)
        for k in range(low, max(low, min(self.max_topics, high)) + 1):
            model = RefinedKMeans(k, dims=self.dims, n_starts=starts, seed=self.seed)
            labels = model.fit(sub_features, sub_embedding).labels_
            if len(set(labels)) < 2:
                continue
            score = float(silhouette_score(sub_embedding, labels, metric="cosine"))
            if score > best[0] + 1e-9:
                best = (score, k)
        self.silhouette_ = best[0]
        return best[1]

    def _incremental_labels(self) -> tuple[np.ndarray | None, set[str]]:
        """Keep last build's topics when the catalogue barely changed; else ``None``."""
        previous = self.previous
        if previous is None or not previous.topics:
            return None, set()
        before = {item: n for n, t in enumerate(previous.topics) for item in t.members}
        now = set(self.items_)
        new = now - before.keys()
        changed = len(new) + len(before.keys() - now) + len(previous.placed & now)
        if changed > self.recluster_share * max(len(now), 1):
            return None, set()
        labels = np.array([before.get(item, -1) for item in self.items_])
        known = labels >= 0
        if not known.any():
            return None, set()
        present, labels[known] = np.unique(labels[known], return_inverse=True)
        centres = normalize(centroid_sums(self.embedding_[known], labels[known]))
        labels[~known] = (self.embedding_[~known] @ centres.T).argmax(axis=1)
        self._inherited = [previous.topics[n] for n in present]
        return labels, new | (previous.placed & now)

    # -- naming ---------------------------------------------------------------------

    def _terms(self, features: sp.csr_matrix, members: list[int]) -> tuple[str, ...]:
        """The words most over-represented in a topic compared with the rest."""
        words = features[:, : self.features_.n_word_features_]
        inside = np.asarray(words[members].mean(axis=0)).ravel()
        mask = np.ones(words.shape[0], dtype=bool)
        mask[members] = False
        outside = np.asarray(words[mask].mean(axis=0)).ravel() if mask.any() else 0.0
        score = inside - outside
        names = self.features_.word_terms_
        chosen: list[str] = []
        for column in np.lexsort((names, -score)):
            if score[column] <= 0 or len(chosen) == self.n_terms:
                break
            term = str(names[column])
            if len(term) == 1 and not term.isascii():  # a lone Chinese character
                continue
            if any(term in other or other in term for other in chosen):
                continue
            chosen.append(term)
        return tuple(chosen)

    def _name(self, clusters: list[list[int]], terms: list[tuple[str, ...]]) -> list[Topic]:
        inherited = self._inherited
        previous = list(self.previous.topics) if self.previous else []
        members = [tuple(sorted(self.items_[i] for i in group)) for group in clusters]
        matched = dict(enumerate(inherited)) if inherited is not None else _match(members, previous)
        used_ids = {t.id for t in previous}
        used_slugs = {t.slug for t in previous}
        topics = []
        for n, group in enumerate(members):
            if n in matched:
                old = matched[n]
                topic_id, slug = old.id, old.slug
            else:
                topic_id = _fresh_id(used_ids)
                slug = _unique_slug(_slugify(terms[n]) or topic_id, used_slugs)
            used_ids.add(topic_id)
            used_slugs.add(slug)
            topics.append(Topic(topic_id, slug, _label(terms[n]) or slug, group, terms[n]))
        return topics

    def _apply_overrides(self, topics: list[Topic]) -> list[Topic]:
        rules = self.overrides
        if rules is None:
            return topics
        by_slug = {t.slug: t for t in topics}
        homes = {item: rules.merged_slug(t.slug) for t in topics for item in t.members}
        for item, slug in rules.pin.items():
            if item in homes:
                homes[item] = rules.merged_slug(slug)
        used_ids = {t.id for t in topics}
        result = []
        for slug in sorted(set(homes.values())):
            members = tuple(sorted(i for i, home in homes.items() if home == slug))
            base = by_slug.get(slug)
            if base is None:
                base = Topic(_fresh_id(used_ids), slug, _title(slug), ())
                used_ids.add(base.id)
            name = rules.rename.get(slug, base.label)
            result.append(Topic(base.id, slug, name, members, base.terms))
        return result

    # -- map ------------------------------------------------------------------------

    def _place_on_map(self, topics: list[Topic]) -> tuple[Topic, ...]:
        """Topic centres projected to 2-D (PCA of their mean LSA vectors), scaled to 0..1."""
        row = {item: n for n, item in enumerate(self.items_)}
        centres = np.array(
            [self.embedding_[[row[i] for i in t.members]].mean(axis=0) for t in topics]
        )
        coords = np.full((len(topics), 2), 0.5)
        if len(topics) > 1:
            centred = normalize(centres) - normalize(centres).mean(axis=0)
            u, s, _ = np.linalg.svd(centred, full_matrices=False)
            projected = u[:, :2] * s[:2]
            for axis in range(projected.shape[1]):
                column = projected[:, axis]
                if column[np.argmax(np.abs(column))] < 0:
                    column *= -1
                span = column.max() - column.min()
                if span > 1e-12:
                    coords[:, axis] = 0.08 + 0.84 * (column - column.min()) / span
        placed = [
            Topic(t.id, t.slug, t.label, t.members, t.terms, round(x, 4), round(y, 4))
            for t, (x, y) in zip(topics, coords, strict=True)
        ]
        return tuple(sorted(placed, key=lambda t: (-len(t.members), t.slug)))

    def assignment(self) -> dict[str, str]:
        """Page id -> topic slug."""
        return {item: t.slug for t in self.topics_ for item in t.members}


def _groups(labels: np.ndarray) -> list[list[int]]:
    return [list(np.flatnonzero(labels == c)) for c in np.unique(labels)]


def _match(members: list[tuple[str, ...]], previous: list[Topic]) -> dict[int, Topic]:
    """Pair new clusters with previous topics by shared pages (one-to-one, majority overlap)."""
    if not previous or not members:
        return {}
    overlap = np.array([[len(set(m) & set(p.members)) for p in previous] for m in members])
    rows, cols = linear_sum_assignment(-overlap)
    matched = {}
    for r, c in zip(rows, cols, strict=True):
        shared = overlap[r, c]
        if shared and 2 * shared >= min(len(members[r]), len(previous[c].members)):
            matched[int(r)] = previous[c]
    return matched


def _fresh_id(used: set[str]) -> str:
    n = 1
    while f"t{n}" in used:
        n += 1
    return f"t{n}"


def _slugify(terms: Sequence[str]) -> str:
    words = []
    for term in terms[:2]:
        ascii_text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
        ascii_text = ascii_text.replace("++", "pp").replace("#", "sharp")
        words.append(re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-"))
    return "-".join(w for w in words if w)[:48].strip("-")


def _unique_slug(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _label(terms: Sequence[str]) -> str:
    return " · ".join(terms)


def _title(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def topic_map_svg(topics: Sequence[Topic], width: int = 720, height: int = 480) -> str:
    """The topic map: one circle per topic, area by size, placed by content similarity.

    Circles that would overlap are pushed apart a little (deterministically),
    so every label stays readable; nearby topics stay nearby.
    """
    ordered = sorted(topics, key=lambda t: t.slug)
    largest = max((len(t.members) for t in ordered), default=1)
    radius = np.array([10 + 30 * (len(t.members) / largest) ** 0.5 for t in ordered])
    points = np.array(
        [[40 + t.x * (width - 80), 40 + (1 - t.y) * (height - 80)] for t in ordered]
    ).reshape(-1, 2)
    for _ in range(100):
        moved = False
        for a in range(len(ordered)):
            for b in range(a + 1, len(ordered)):
                gap = points[b] - points[a]
                distance = float(np.hypot(*gap))
                need = radius[a] + radius[b] + 24  # room for the label under a circle
                if distance < need:
                    direction = gap / distance if distance > 1e-9 else np.array([0.0, 1.0])
                    shift = direction * (need - distance) / 2
                    points[a] -= shift
                    points[b] += shift
                    moved = True
        points[:, 0] = np.clip(points[:, 0], radius + 10, width - radius - 10)
        points[:, 1] = np.clip(points[:, 1], radius + 10, height - radius - 30)
        if not moved:
            break
    body = []
    for n, topic in enumerate(ordered):
        (x, y), r = points[n], radius[n]
        hue = (n * 137) % 360
        body.append(
            f'<a href="{topic.slug}/"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
            f'fill="hsl({hue} 60% 55%)" fill-opacity="0.35" stroke="hsl({hue} 60% 40%)"/>'
        )
        size = 13 if text_width(topic.label, 13) <= width / 3 else 11
        body.append(label(x, y + r + size + 2, topic.label, size) + "</a>")
        body.append(label(x, y + 4, str(len(topic.members)), 11))
    return document(width, height, "Topic map", body)
