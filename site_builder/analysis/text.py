"""Text features for English and Chinese technical writing.

Generic tokenisers drop exactly the words a technical catalogue is about:
``C``, ``R`` and ``Go`` look like stray letters or stop words, ``C++``,
``C#`` and ``.NET`` lose their punctuation, ``GPT-4`` splits in two. This
tokeniser keeps them, cuts Chinese runs into words with jieba, and the
features add Chinese character n-grams, which carry meaning where jieba's
dictionary has no word for a term.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

if TYPE_CHECKING:
    import jieba

    from site_builder.model.snapshot import Page

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(
    rf"(?P<cjk>[{CJK}]+)"
    r"|(?P<word>\.[A-Za-z][A-Za-z0-9]*"  # .NET
    r"|[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*(?:\+\+|#|\+)?)"  # C++, C#, Node.js, GPT-4, k8s
)
_CJK_RUN = re.compile(f"[{CJK}]+")
_CODE_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_URL = re.compile(r"\(?https?://\S+|\]\([^)]*\)")
#: Short or stop-word-like names that mean a technology when written this way.
TECH_TERMS = frozenset({"C", "R", "Go", "D", "F#", "C#", "C++", ".NET", "JS", "TS", "UI", "AI"})
ZH_STOP_WORDS = frozenset(
    [
        "的",
        "了",
        "是",
        "在",
        "和",
        "与",
        "及",
        "或",
        "也",
        "就",
        "都",
        "而",
        "被",
        "把",
        "对",
        "从",
        "到",
        "为",
        "以",
        "之",
        "其",
        "这",
        "那",
        "有",
        "个",
        "上",
        "下",
        "中",
        "一个",
        "一些",
        "我们",
        "你们",
        "他们",
        "它们",
        "我",
        "你",
        "他",
        "她",
        "它",
        "吗",
        "呢",
        "吧",
        "啊",
        "让",
        "会",
        "能",
        "要",
        "用",
        "来",
        "去",
        "可以",
        "如何",
        "什么",
        "怎么",
        "为什么",
        "不是",
        "没有",
        "还是",
        "以及",
        "但是",
        "因为",
        "所以",
        "如果",
        "这个",
        "那个",
    ]
)
EN_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "s",
    "t",
    "don",
    "ll",
    "ve",
    "re",
    "e.g",
    "i.e",
    "etc",
}


@cache
def _jieba() -> jieba.Tokenizer:
    """One quiet jieba tokeniser; it reads the dictionary shipped in the package."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens with stop words removed and technical names kept whole."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        cjk = match.group("cjk")
        tokens.extend(_cjk_words(cjk) if cjk else _latin_words(match.group("word")))
    return tokens


# A catalogue repeats its words many times over: each distinct word (and Chinese
# run) is analysed once. The caches are bounded, so memory stays flat on any input.
@lru_cache(maxsize=1 << 18)
def _latin_words(raw: str) -> tuple[str, ...]:
    return tuple(_latin(raw))


@lru_cache(maxsize=1 << 16)
def _cjk_words(run: str) -> tuple[str, ...]:
    return tuple(word for word in _jieba().lcut(run) if word not in ZH_STOP_WORDS and word.strip())


def _latin(raw: str) -> Iterator[str]:
    if raw not in TECH_TERMS and raw.lower() in EN_STOP_WORDS:
        return
    if raw.isdigit():
        if 2 <= len(raw) <= 4:  # versions and years: Excel 2010, Oracle 11, ES 2015
            yield raw
        return
    if not any(ch.isalpha() for ch in raw):
        return
    if raw in TECH_TERMS or raw[-1] in "+#":
        yield raw.lower()
        return
    if "." in raw or "_" in raw.strip("_"):
        # web.config, Node.js, .NET, wp_query: the whole name and its parts
        yield raw.lower()
        for part in re.split(r"[._]+", raw):
            if part:
                yield from _latin(part)
        return
    if "-" in raw and not any(ch.isdigit() for ch in raw):
        for part in raw.split("-"):
            yield from _latin(part)
        return
    word = raw.lower()
    if len(word) < 2 or word in EN_STOP_WORDS:
        return
    yield word


def cjk_char_ngrams(text: str, low: int = 2, high: int = 3) -> list[str]:
    """Character n-grams inside Chinese runs only: robust where word cutting is not."""
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        for n in range(low, high + 1):
            grams.extend(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


def plain_text(markdown: str) -> str:
    """Markdown without code blocks, link targets and URLs: the words a reader sees."""
    return _URL.sub(" ", _CODE_FENCE.sub(" ", markdown))


def page_text(page: Page) -> str:
    """The public words of a page; members-only text never reaches the analysis."""
    parts = [page.title, page.title, page.summary, getattr(page, "teaser", "")]
    parts.extend(getattr(page, "tags", ()))
    parts.append(plain_text(page.body.public_text))
    return "\n".join(part for part in parts if part)


class TextFeatures:
    """Sublinear TF-IDF over words and word pairs, plus Chinese character n-grams.

    Rows are L2-normalised; the two blocks are weighted so that a Chinese
    document is described by both its words and its characters.
    """

    def __init__(self, min_df: int = 2, char_weight: float = 1.0) -> None:
        self.min_df = min_df
        self.char_weight = char_weight

    def fit_transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        min_df = self.min_df if len(texts) >= 10 * self.min_df else 1
        self.words_: TfidfVectorizer | None = TfidfVectorizer(
            tokenizer=tokenize,
            token_pattern=None,
            lowercase=False,
            ngram_range=(1, 2),
            min_df=min_df,
            sublinear_tf=True,
            dtype=np.float32,
        )
        try:
            blocks = [self.words_.fit_transform(texts)]
        except ValueError:  # nothing but stop words: one empty column keeps shapes valid
            self.words_ = None
            blocks = [sp.csr_matrix((len(texts), 1), dtype=np.float32)]
        self.chars_: TfidfVectorizer | None = None
        if any(_CJK_RUN.search(text) for text in texts):
            self.chars_ = TfidfVectorizer(
                analyzer=cjk_char_ngrams, min_df=min_df, sublinear_tf=True, dtype=np.float32
            )
            try:
                blocks.append(self.chars_.fit_transform(texts) * self.char_weight)
            except ValueError:  # no n-gram is frequent enough
                self.chars_ = None
        self.n_word_features_ = blocks[0].shape[1]
        return normalize(sp.hstack(blocks, format="csr"))

    @property
    def word_terms_(self) -> np.ndarray:
        """Feature names of the word block, in column order (for topic labels)."""
        if self.words_ is None:
            return np.array([""], dtype=object)
        return self.words_.get_feature_names_out()
