"""The one search index: Whoosh, BM25F with field boosts; `query` is what every caller asks.

The browser ranks with the same formula over exported shards (see
:mod:`site_builder.search.shards`), so the order of results must not depend on
anything the shards cannot carry: queries are a flat ``Or`` of boosted terms,
and ties are broken by page order after rounding away float noise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.index import Index
from whoosh.query import And, Or, Term
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F

from site_builder.search.analyzer import StudyhallTokenizer, query_terms
from site_builder.search.documents import SearchDocument

#: Scored fields in the order the shards number them, with their query-time boosts.
BOOSTS: dict[str, float] = {
    "title": 5.0,
    "headings": 2.0,
    "summary": 2.5,
    "tags": 3.0,
    "context": 1.5,
    "body": 1.0,
}
FIELDS = tuple(BOOSTS)
B = 0.75
K1 = 1.2
#: Scores equal to this many decimals count as a tie, broken by page order.
SCORE_DECIMALS = 9


@dataclass(frozen=True, slots=True)
class Hit:
    docnum: int
    score: float
    url: str
    title: str
    kind: str
    lang: str
    label: str
    badge: str
    summary: str
    text: str


@dataclass(frozen=True, slots=True)
class Results:
    terms: tuple[str, ...]
    hits: tuple[Hit, ...]
    total: int


def schema() -> Schema:
    def scored(stored: bool = False) -> TEXT:
        return TEXT(analyzer=StudyhallTokenizer(), phrase=False, stored=stored)

    return Schema(
        title=scored(stored=True),
        headings=scored(),
        summary=scored(stored=True),
        tags=scored(),
        context=scored(),
        body=scored(stored=True),
        kind=ID(stored=True),
        lang=ID(stored=True),
        url=STORED,
        label=STORED,
        badge=STORED,
    )


class MemoryStorage(RamStorage):
    """RamStorage whose scratch space is in memory too.

    Whoosh's own puts it in ``/tmp/MAIN.tmp``, one folder shared by every
    build running at once, which then delete each other's files.
    """

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


def build_index(documents: Iterable[SearchDocument]) -> Index:
    """An in-memory index; page order becomes document number, which breaks ties."""
    index = MemoryStorage().create_index(schema())
    writer = index.writer()
    for doc in documents:
        writer.add_document(
            title=doc.title,
            headings=doc.headings,
            summary=doc.summary,
            tags=doc.tags,
            context=doc.context,
            body=doc.body,
            kind=doc.kind,
            lang=doc.lang,
            url=doc.url,
            label=doc.label,
            badge=doc.badge,
        )
    writer.commit()
    return index


def weighting() -> BM25F:
    return BM25F(B=B, K1=K1)


def in_vocabulary(reader: IndexReader, term: str) -> bool:
    return any((field, term) in reader for field in FIELDS)


def query(
    index: Index,
    text: str,
    *,
    kind: str | None = None,
    lang: str | None = None,
    limit: int | None = 10,
) -> Results:
    """Rank pages for ``text``; ``kind`` and ``lang`` filter without changing scores."""
    with index.searcher(weighting=weighting()) as searcher:
        reader = searcher.reader()
        terms = query_terms(text, lambda term: in_vocabulary(reader, term))
        clauses = [
            Term(field, term, boost=BOOSTS[field])
            for term in terms
            for field in FIELDS
            if (field, term) in reader
        ]
        if not clauses:
            return Results(tuple(terms), (), 0)
        filters = [Term(name, value) for name, value in (("kind", kind), ("lang", lang)) if value]
        found = searcher.search(Or(clauses), limit=None, filter=And(filters) if filters else None)
        ranked = sorted(
            ((round(hit.score, SCORE_DECIMALS), hit.docnum) for hit in found),
            key=lambda pair: (-pair[0], pair[1]),
        )
        hits = tuple(_hit(reader, docnum, score) for score, docnum in ranked[:limit])
        return Results(tuple(terms), hits, len(ranked))


def _hit(reader: IndexReader, docnum: int, score: float) -> Hit:
    stored = reader.stored_fields(docnum)
    return Hit(
        docnum=docnum,
        score=score,
        url=stored["url"],
        title=stored["title"],
        kind=stored["kind"],
        lang=stored["lang"],
        label=stored["label"],
        badge=stored["badge"],
        summary=stored["summary"],
        text=stored["body"],
    )
