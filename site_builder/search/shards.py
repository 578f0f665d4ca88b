"""Export the Whoosh index as static files the browser ranks from, a few at a time.

Layout under ``public/search/``::

    index.json                      manifest: statistics, boosts, analyzer limits, page types
    shards/<digest>/pages.json      every page's URL, title, place and tier badge, for the list
    shards/<digest>/t/<n>.json      term shards: term -> [[field, postings], ...]
    shards/<digest>/d/<doc>.json    one page's title, URL and public text, for its snippet

A term lives in shard ``fnv1a(key) % shard_count``, where the key is the
term's first three characters, or its first two for Han terms. All the words
a Chinese query may hold at one position share a shard, so a query fetches
one shard per Latin word or Han bigram, not one per candidate substring; and
a Latin word's shard is known from its first three letters, so the search box
has it by the time the reader has finished typing the word (stemming keeps
the start of a word, except in a few short ones such as "used" -> "us"). Postings hold
(document gap, term frequency, field length as Whoosh quantises it): all that
BM25F needs besides the manifest's document count and average lengths.

``pages.json`` is what a results list shows before any snippet: the browser
fetches it with the manifest when the reader reaches for the search box, so
a query needs one round trip (its term shards) before results are on screen;
snippets fill in from the ``d/`` files one round trip later. It holds
``[url, title, label number, badge number]`` per page (labels and badges are
few and listed once); gzip brings it to about 15 bytes a page.

``<digest>`` hashes every shard, so shards can be cached forever; only the
small manifest is fetched again after a build.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from whoosh.index import Index

from site_builder.search import analyzer
from site_builder.search.documents import KINDS
from site_builder.search.index import BOOSTS, FIELDS, K1, SCORE_DECIMALS, B

MANIFEST = "search/index.json"
SHARDS = "search/shards"
#: Raw JSON bytes one term shard should hold; gzip brings it to about a third.
TARGET_SHARD_BYTES = 12_000
MAX_SHARDS = 4096
#: Public text a result may quote from; snippets come from its first part.
FRAGMENT_TEXT_CHARS = 6000


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes: a few lines in any language, the same everywhere."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_key(term: str) -> str:
    return term[:2] if analyzer.is_han(term) else term[:3]


def shard_of(term: str, shard_count: int) -> int:
    return fnv1a(shard_key(term)) % shard_count


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _postings(index: Index) -> dict[str, list[list[Any]]]:
    """term -> [[field number, [gap, frequency, length, ...]], ...], fields in schema order."""
    terms: dict[str, list[list[Any]]] = defaultdict(list)
    with index.reader() as reader:
        docs = range(reader.doc_count_all())
        for number, field in enumerate(FIELDS):
            lengths = [reader.doc_field_length(doc, field) for doc in docs]
            for raw in reader.lexicon(field):
                term = raw.decode("utf-8")
                flat: list[int] = []
                previous = 0
                for docnum, weight in reader.postings(field, term).items_as("weight"):
                    flat += [docnum - previous, int(weight), lengths[docnum]]
                    previous = docnum
                terms[term].append([number, flat])
    return terms


def _shard_count(sizes: int) -> int:
    count = 1
    while count < MAX_SHARDS and sizes / count > TARGET_SHARD_BYTES:
        count *= 2
    return count


def _documents(index: Index) -> list[dict[str, str]]:
    with index.reader() as reader:
        return [
            {
                "url": stored["url"],
                "title": stored["title"],
                "kind": stored["kind"],
                "lang": stored["lang"],
                "label": stored["label"],
                "badge": stored["badge"],
                "summary": stored["summary"],
                "text": stored["body"][:FRAGMENT_TEXT_CHARS],
            }
            for _, stored in sorted(reader.iter_docs())
        ]


def _page_table(documents: list[dict[str, str]]) -> dict[str, Any]:
    """What the results list shows of each page, labels and badges numbered once."""
    labels = {label: n for n, label in enumerate(sorted({d["label"] for d in documents}))}
    badges = {badge: n for n, badge in enumerate(sorted({d["badge"] for d in documents}))}
    return {
        "labels": list(labels),
        "badges": list(badges),
        "pages": [
            [d["url"], d["title"], labels[d["label"]], badges[d["badge"]]] for d in documents
        ],
    }


def build_files(index: Index) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and every shard (relative name -> bytes), without touching the disk."""
    terms = _postings(index)
    encoded = {term: _dumps(value) for term, value in terms.items()}
    shard_count = _shard_count(sum(len(t) + len(v) + 4 for t, v in encoded.items()))
    buckets: list[dict[str, Any]] = [{} for _ in range(shard_count)]
    for term in sorted(terms):
        buckets[shard_of(term, shard_count)][term] = terms[term]
    files = {f"t/{n}.json": _dumps(bucket) for n, bucket in enumerate(buckets)}
    documents = _documents(index)
    langs = sorted({d["lang"] for d in documents})
    files |= {f"d/{n}.json": _dumps(doc) for n, doc in enumerate(documents)}
    files["pages.json"] = _dumps(_page_table(documents))

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    with index.searcher() as searcher:
        doc_count = searcher.doc_count_all()
        average = [searcher.avg_field_length(field) or 1 for field in FIELDS]
    manifest = {
        "version": 2,
        "base": f"/{SHARDS}/{digest.hexdigest()[:16]}/",
        "fields": list(FIELDS),
        "boosts": [BOOSTS[field] for field in FIELDS],
        "B": B,
        "K1": K1,
        "decimals": SCORE_DECIMALS,
        "docCount": doc_count,
        "averageLength": average,
        "shardCount": shard_count,
        "kinds": list(KINDS),
        "langs": langs,
        #: One character per page, chr(48 + kind * len(langs) + lang): enough to filter.
        "docs": "".join(
            chr(48 + KINDS.index(d["kind"]) * len(langs) + langs.index(d["lang"]))
            for d in documents
        ),
        "analyzer": {
            "maxQueryChars": analyzer.MAX_QUERY_CHARS,
            "maxQueryTerms": analyzer.MAX_QUERY_TERMS,
            "cjkMaxWord": analyzer.CJK_MAX_WORD,
            "maxTokenChars": analyzer.MAX_TOKEN_CHARS,
            "stopWords": sorted(analyzer.EN_STOP_WORDS),
        },
    }
    return manifest, files


def export_shards(index: Index, out_dir: Path) -> dict[str, Any]:
    """Write the manifest and shards under ``out_dir``; returns the manifest."""
    manifest, files = build_files(index)
    base = out_dir / manifest["base"].strip("/")
    for name, data in files.items():
        target = base / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (out_dir / MANIFEST).write_bytes(_dumps(manifest))
    return manifest
