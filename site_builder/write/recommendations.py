"""The data the browser recommends from, as one fingerprinted file under ``/assets/``.

The reader's history stays in ``localStorage``; the browser fetches this file
(the same bytes for everyone, cached for a year under a digest of its
contents) and scores locally. It holds only public data: the analysis's
neighbour lists, popularity and learning paths, and for every page a card
(title, URL, kind, course, language, the author's summary or public teaser).

Layout (JSON)::

    version          1
    decay            history_decay of the recommender
    items            [card, ...] sorted by item id: the recommender's item order
    neighbours       per item: [item number, weight, item number, weight, ...], best
                     first; numbers index ``items``, weights are the model's float32
    popularity       per item: its readers / readers of the most-read item, as float32
    popular          most-read item ids, for a reader with no history
    courses          course slug -> {"item", "title", "url", "lessons": [item ids in order]}
    paths            course slug -> course slugs to take, ending with that course
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from site_builder.analysis import AnalysisResult
from site_builder.analysis.recommend import reader_histories
from site_builder.model import Snapshot
from site_builder.render import urls
from site_builder.render.site_context import page_cards
from site_builder.write.assets import fingerprinted_name

#: The key templates and scripts look the file up by in the asset mapping.
ASSET_NAME = "data/recommend.json"


def popularity_shares(snapshot: Snapshot) -> dict[str, float]:
    """Readers of each item over readers of the most-read one, as the recommender's float32.

    The recommender counts, per item, the readers whose history holds it and
    breaks ties by ``1e-6 * share``; the browser needs the same numbers.
    """
    counts: dict[str, int] = {}
    for history in reader_histories(snapshot.interactions).values():
        for item in history:
            counts[item] = counts.get(item, 0) + 1
    top = np.float32(max(1, *counts.values()) if counts else 1)
    return {item: float(str(np.float32(n) / top)) for item, n in sorted(counts.items())}


def recommendation_data(snapshot: Snapshot, analysis: AnalysisResult) -> dict:
    cards = page_cards(snapshot)
    items = []
    for item in sorted(cards):
        card = cards[item]
        items.append(
            {
                "id": item,
                "title": card["title"],
                "url": card["url"],
                "kind": card["kind"],
                "course": card["context"],
                "lang": card["lang"],
                "summary": card["summary"],
                "members": card["members"],
            }
        )
    number = {card["id"]: n for n, card in enumerate(items)}
    shares = popularity_shares(snapshot)
    return {
        "version": 1,
        "decay": analysis.history_decay,
        "items": items,
        "neighbours": [
            [
                value
                for other, weight in analysis.neighbours.get(card["id"], ())
                if other in number
                for value in (number[other], weight)
            ]
            for card in items
        ],
        "popularity": [shares.get(card["id"], 0) for card in items],
        "popular": [item for item in analysis.popular if item in number],
        "courses": {
            course.slug: {
                "item": course.item_id,
                "title": course.title,
                "url": urls.course_url(course),
                "lessons": [lesson.item_id for lesson in course.lessons],
            }
            for course in sorted(snapshot.courses, key=lambda c: c.slug)
        },
        "paths": {k: list(v) for k, v in sorted(analysis.paths.items())},
    }


def write_recommendations(
    snapshot: Snapshot, analysis: AnalysisResult, out_dir: Path
) -> dict[str, str]:
    """Write the file under a fingerprinted name; returns ``{ASSET_NAME: URL}``."""
    data = json.dumps(
        recommendation_data(snapshot, analysis),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    target = fingerprinted_name(ASSET_NAME, data)
    destination = out_dir / urls.ASSETS.strip("/") / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(data)
    return {ASSET_NAME: urls.ASSETS + target}
