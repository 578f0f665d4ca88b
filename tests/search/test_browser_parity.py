"""The browser ranks like Whoosh: same terms, same stems, same top 10, in real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page
from whoosh.index import Index
from whoosh.lang.porter import stem

from site_builder.search import query
from site_builder.search.analyzer import latin_terms, normalize, query_candidates
from site_builder.search.evaluate import LabelledQuery
from tests.conftest import ROOT
from tests.search.hostile import HOSTILE_QUERIES

#: Words where a Porter port usually slips: y as a vowel, -eed, -ed/-ing, double letters.
# fmt: off
TRICKY_WORDS = (
    "yelling", "yes", "by", "sky", "syzygy", "agreed", "feed", "bleed", "hopping", "hoping",
    "filing", "falling", "fizzed", "conditional", "rational", "generalization", "operator",
    "relational", "hopefulness", "electricity", "adjustment", "dependent", "controllable",
    "rolling", "triplicate", "formalize", "sensitivity", "caresses", "ponies", "ties",
    "caress", "cats", "feudalism", "decisiveness", "callousness", "allowance", "gyroscope",
    "ybarra", "yyyy", "ii", "abc", "e.g.", "naïve", "café", "résumé",
)
# fmt: on

SEARCH = """async ([queries, kind, lang]) => {
  const engine = await window.StudyhallSearch.open();
  const out = [];
  for (const text of queries) {
    const result = await engine.search(text, {limit: 10, kind: kind, lang: lang});
    const docs = await Promise.all(result.hits.map((h) => engine.document(h.doc)));
    out.push(result.hits.map((h, i) => [h.doc, h.score, docs[i].url]));
  }
  return out;
}"""


@pytest.fixture
def search_page(page: Page, site_url: str) -> Page:
    page.goto(site_url + "/articles/why-your-async-code-is-slow/")
    page.evaluate("() => window.StudyhallSearch.open()")
    return page


def _content_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


@pytest.mark.parametrize(("kind", "lang"), [("", ""), ("lesson", ""), ("", "zh")])
def test_browser_top_10_equals_whoosh_top_10(
    search_page: Page,
    demo_index: Index,
    labelled: list[LabelledQuery],
    problems: list[str],
    kind: str,
    lang: str,
) -> None:
    texts = [q.query for q in labelled] + HOSTILE_QUERIES + ["Python", "数据", "C", "Go"]
    browser = search_page.evaluate(SEARCH, [texts, kind, lang])

    for text, ranked in zip(texts, browser, strict=True):
        hits = query(demo_index, text, kind=kind or None, lang=lang or None).hits
        assert [(doc, url) for doc, _, url in ranked] == [(h.docnum, h.url) for h in hits], text
        assert [score for _, score, _ in ranked] == pytest.approx([h.score for h in hits]), text
    assert problems == []


def test_browser_stems_like_whoosh(search_page: Page) -> None:
    words = sorted(
        {w for line in _content_lines() for w in re.findall("[a-z]+", line.lower())}
        | set(TRICKY_WORDS)
    )
    stems = search_page.evaluate("(words) => words.map(window.StudyhallSearch.stem)", words)

    assert len(words) > 2000
    assert dict(zip(words, stems, strict=True)) == {word: stem(word) for word in words}


def test_browser_analyses_text_like_the_index(
    search_page: Page, labelled: list[LabelledQuery]
) -> None:
    texts = [q.query for q in labelled] + HOSTILE_QUERIES + _content_lines()
    candidates = search_page.evaluate(
        "(texts) => texts.map(window.StudyhallSearch.candidates)", texts
    )
    analysed = search_page.evaluate("(texts) => texts.map(window.StudyhallSearch.analyze)", texts)

    assert dict(zip(texts, candidates, strict=True)) == {t: query_candidates(t) for t in texts}
    expected = {t: [term for term in latin_terms(normalize(t))] for t in texts}
    assert dict(zip(texts, analysed, strict=True)) == expected
