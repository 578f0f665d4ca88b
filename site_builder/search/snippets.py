"""The words a result matched, marked in its title and in a short stretch of its text.

The browser does the same in search-engine.js; both quote public text only.
"""

from __future__ import annotations

from collections.abc import Iterable

from site_builder.search.analyzer import is_han, latin_spans, latin_terms

SNIPPET_CHARS = 160
_MAX_SPANS = 500

#: (start, end, the query terms found there)
Span = tuple[int, int, frozenset[str]]


def match_spans(text: str, terms: Iterable[str]) -> list[Span]:
    """Merged spans of ``text`` whose words analyse to one of ``terms``."""
    wanted = set(terms)
    spans: list[Span] = []
    for start, end in latin_spans(text):
        token = text[start:end]
        found = wanted.intersection(latin_terms(token), latin_terms(token, query=True))
        if found:
            spans.append((start, end, frozenset(found)))
    for term in sorted(t for t in wanted if is_han(t)):
        at = text.find(term)
        while at >= 0 and len(spans) < _MAX_SPANS:
            spans.append((at, at + len(term), frozenset([term])))
            at = text.find(term, at + 1)
    merged: list[Span] = []
    for start, end, found in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] | found)
        else:
            merged.append((start, end, found))
    return merged


def snippet(
    text: str, terms: Iterable[str], width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """The stretch of ``text`` with the most different matched terms, and the spans to mark."""
    spans = match_spans(text, terms)
    if not spans:
        return text[:width] + ("…" if len(text) > width else ""), []
    best = max(range(len(spans)), key=lambda i: (_variety(spans, i, width), -i))
    start = max(0, spans[best][0] - 40)
    space = text.rfind(" ", 0, start + 1)
    if start > 0 and space > start - 15:
        start = space + 1
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    shift = len(prefix) - start
    inside = [
        (max(s, start) + shift, min(e, end) + shift) for s, e, _ in spans if e > start and s < end
    ]
    return prefix + text[start:end] + ("…" if end < len(text) else ""), inside


def _variety(spans: list[Span], first: int, width: int) -> int:
    """How much of the query a stretch from ``spans[first]`` shows: its distinct terms, by length."""
    limit = spans[first][0] + width - 40
    found: set[str] = set()
    for _, end, terms in spans[first:]:
        if end > limit:
            break
        found |= terms
    return sum(len(term) for term in found)
