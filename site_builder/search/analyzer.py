"""Turn bilingual technical text into index terms, and queries into the same terms.

Text is split into runs of Han characters and runs of everything else.

- Latin runs: words are lowercased, stop words dropped and the rest stemmed
  with Whoosh's Porter stemmer. Technical tokens stay whole and unstemmed
  (``c++``, ``c#``, ``.net``, ``node.js``, ``gpt-4``, ``k8s``, ``to_thread``);
  compounds also index their parts, so ``gather`` finds ``asyncio.gather``.
  A lone capital letter (C, R) is a word in text; a lone small one is noise.
- Han runs: jieba's search-engine mode, plus every character bigram that jieba
  did not already emit at that position. The bigrams are the fallback: a page
  is found even when jieba segments the query and the body differently.

Queries are analysed without jieba: a Han run becomes every substring of 2 to
:data:`CJK_MAX_WORD` characters that the index holds (the words jieba found
in the bodies, and the bigrams). The browser has no room for jieba's 5 MB
dictionary but can run this exactly, so both rank with the same terms.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

import jieba
from whoosh.analysis import Token, Tokenizer
from whoosh.lang.porter import stem

#: Query limits, shared with the browser through the manifest.
MAX_QUERY_CHARS = 80
MAX_QUERY_TERMS = 40
CJK_MAX_WORD = 6
MAX_TOKEN_CHARS = 40

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"[{HAN}]+|[^{HAN}]+")
_IS_HAN = re.compile(f"[{HAN}]")
_LETTER = "A-Za-z0-9\u00c0-\u024f"
_LATIN = re.compile(
    rf"(?<![{_LETTER}_.])\.[A-Za-z][{_LETTER}]*"
    rf"|[{_LETTER}]+(?:[._\-'’][{_LETTER}]+)*(?:\+\+|#)?"
)
_PARTS = re.compile(f"[{_LETTER}]+")
_APOSTROPHE = re.compile("['’]")
_DIGIT = re.compile("[0-9]")
#: Single letters that name things (C, R); "a" and "i" are words, not names.
_SINGLE_LETTERS = frozenset("bcdefghjklmnopqrstuvwxyz")

# fmt: off
EN_STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
    "it", "its", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
    "there", "these", "they", "this", "to", "was", "will", "with", "i", "me", "my", "we",
    "our", "you", "your", "he", "she", "him", "his", "her", "them",
))
# fmt: on
#: Function characters: alone, or in a bigram jieba did not make, they find nothing useful.
ZH_STOP_CHARS = frozenset("的了是在和与也就都而及或着把被这那个吗呢吧啊地得")
#: Words jieba's dictionary splits but readers search for as one word.
ZH_WORDS = (
    "机器学习",
    "深度学习",
    "协程",
    "事件循环",
    "借用检查器",
    "所有权",
    "生命周期",
    "数据工程师",
    "数据仓库",
    "时间序列",
    "分布式系统",
    "线程池",
)

logging.getLogger("jieba").setLevel(logging.WARNING)


@cache
def _jieba() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in ZH_WORDS:
        tokenizer.add_word(word)
    return tokenizer


def normalize(text: str) -> str:
    """NFKC folds full-width letters and digits (Ｐｙｔｈｏｎ) into ASCII, as typed in IMEs."""
    return unicodedata.normalize("NFKC", text)


def _word(word: str, surface: str, *, query: bool) -> str | None:
    """One simple word (no separators) as a term, or ``None`` when it carries no meaning."""
    if len(word) == 1:
        keep = word in _SINGLE_LETTERS and (query or surface.isupper())
        return word if keep else None
    if word in EN_STOP_WORDS or len(word) > MAX_TOKEN_CHARS:
        return None
    return word if _DIGIT.search(word) else stem(word)


def latin_terms(text: str, *, query: bool = False) -> Iterator[str]:
    """Terms of a run without Han characters, in order."""
    for match in _LATIN.finditer(text):
        yield from _token_terms(match.group(), query)


@lru_cache(maxsize=65536)
def _token_terms(match: str, query: bool) -> tuple[str, ...]:
    """The terms of one token; cached, since a site repeats its words many times."""
    surface = _APOSTROPHE.split(match)[0]
    token = surface.lower()
    if not token:
        return ()
    compound = token[0] == "." or token.endswith(("+", "#")) or any(c in token for c in "._-")
    if not compound:
        term = _word(token, surface, query=query)
        return () if term is None else (term,)
    terms = [token] if len(token) <= MAX_TOKEN_CHARS else []
    parts = _PARTS.findall(surface)
    if len(parts) > 1:
        terms += [t for p in parts if (t := _word(p.lower(), p, query=query)) is not None]
    return tuple(terms)


def latin_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each Latin token of ``text`` starts and ends, for marking matches."""
    for match in _LATIN.finditer(text):
        yield match.start(), match.end()


@lru_cache(maxsize=65536)
def han_terms(run: str) -> tuple[str, ...]:
    """Index terms of a Han run: jieba search-mode words plus the bigrams jieba missed."""
    terms: list[str] = []
    starts: set[tuple[int, int]] = set()
    for word, start, end in _jieba().tokenize(run, mode="search"):
        if len(word) > CJK_MAX_WORD or (len(word) == 1 and word in ZH_STOP_CHARS):
            continue
        starts.add((start, end))
        terms.append(word)
    for start in range(len(run) - 1):
        pair = run[start : start + 2]
        if (start, start + 2) not in starts and not ZH_STOP_CHARS.intersection(pair):
            terms.append(pair)
    return tuple(terms)


def index_terms(text: str) -> Iterator[str]:
    """Every term of ``text`` as the index stores it, repeats included."""
    for run in _RUNS.findall(normalize(text)):
        if _IS_HAN.match(run):
            yield from han_terms(run)
        else:
            yield from latin_terms(run)


def han_candidates(run: str) -> tuple[list[str], list[str]]:
    """Substrings of a Han query run that could be index terms: (single or bigrams, longer)."""
    if len(run) == 1:
        return [run], []
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    longer = [
        run[start : start + size]
        for size in range(3, CJK_MAX_WORD + 1)
        for start in range(len(run) - size + 1)
    ]
    return pairs, longer


def query_candidates(text: str) -> list[str]:
    """The terms a query may use, before asking the index which Han ones it holds.

    Latin terms and Han bigrams come first, in text order, then longer Han
    substrings, shortest first; the list stops at :data:`MAX_QUERY_TERMS`, so
    a long query keeps its coverage and costs the browser no more than a short one.
    """
    first: list[str] = []
    later: list[str] = []
    for run in _RUNS.findall(normalize(text)[:MAX_QUERY_CHARS]):
        if _IS_HAN.match(run):
            pairs, longer = han_candidates(run)
            first += pairs
            later += longer
        else:
            first += latin_terms(run, query=True)
    later.sort(key=len)
    return list(dict.fromkeys(first + later))[:MAX_QUERY_TERMS]


def query_terms(text: str, vocabulary: Callable[[str], bool]) -> list[str]:
    """The query's terms: Latin ones as analysed, Han ones only where the index has them."""
    return [t for t in query_candidates(text) if not is_han(t) or vocabulary(t)]


def is_han(term: str) -> bool:
    return bool(_IS_HAN.match(term))


class StudyhallTokenizer(Tokenizer):
    """The Whoosh side of :func:`index_terms`: one token per term, no positions kept."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for number, term in enumerate(index_terms(value) if tokenize else [value]):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + number
            yield token
