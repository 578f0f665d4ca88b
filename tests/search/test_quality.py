"""Ranking quality on the labelled demo queries: a floor that a change must not fall through.

The floors are the first honest measurement (en 1.00/1.00, zh 0.98/0.98,
mixed 1.00/0.94 for MRR@10/recall@10), less a margin for one query slipping.
"""

from __future__ import annotations

from whoosh.index import Index

from site_builder.search import query
from site_builder.search.evaluate import GROUPS, LabelledQuery, evaluate

FLOORS = {
    "en": (0.95, 0.95),
    "zh": (0.93, 0.93),
    "mixed": (0.90, 0.88),
    "all": (0.95, 0.95),
}


def test_the_query_set_is_bilingual_and_technical(labelled: list[LabelledQuery]) -> None:
    counts = {group: sum(q.lang == group for q in labelled) for group in GROUPS}

    assert len(labelled) >= 40
    assert counts["en"] >= 20 and counts["zh"] >= 20 and counts["mixed"] >= 5
    assert sum(q.technical for q in labelled) >= 8


def test_mrr_and_recall_at_10_stay_above_the_floor(
    demo_index: Index, labelled: list[LabelledQuery]
) -> None:
    scores = evaluate(labelled, lambda text: [hit.url for hit in query(demo_index, text).hits])

    for group, (mrr, recall) in FLOORS.items():
        got = scores[group]
        print(f"{group}: MRR@10 {got.mrr:.3f}, recall@10 {got.recall:.3f} ({got.queries} queries)")
        assert got.mrr >= mrr, f"{group}: MRR@10 {got.mrr:.3f} fell below {mrr}"
        assert got.recall >= recall, f"{group}: recall@10 {got.recall:.3f} fell below {recall}"


def test_every_labelled_page_exists(demo_index: Index, labelled: list[LabelledQuery]) -> None:
    with demo_index.reader() as reader:
        urls = {stored["url"] for _, stored in reader.iter_docs()}

    assert {url for q in labelled for url in q.relevant} <= urls
