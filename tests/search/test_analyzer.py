"""Bilingual, technical text into terms: what the index stores and what a query asks for."""

from __future__ import annotations

import pytest

from site_builder.search.analyzer import (
    MAX_QUERY_TERMS,
    index_terms,
    query_candidates,
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("C++ templates", "c++"),
        ("written in C#", "c#"),
        ("ported to .NET", ".net"),
        ("a Node.js service", "node.js"),
        ("GPT-4 answers", "gpt-4"),
        ("k8s operators", "k8s"),
        ("Go and Rust", "go"),
        ("C has no borrow checker", "c"),
        ("plots in R", "r"),
        ("asyncio.to_thread(f)", "asyncio.to_thread"),
        ("pd.read_csv(path)", "pd.read_csv"),
        ("UTF-8 text", "utf-8"),
        ("机器学习入门", "机器学习"),
    ],
)
def test_technical_tokens_stay_whole(text: str, term: str) -> None:
    assert term in list(index_terms(text))
    assert term in query_candidates(text)


def test_compounds_also_index_their_parts() -> None:
    assert list(index_terms("asyncio.gather(a, b)")) == ["asyncio.gather", "asyncio", "gather"]
    assert list(index_terms("free-threaded")) == ["free-threaded", "free", "thread"]
    assert list(index_terms("as_completed")) == ["as_completed", "complet"]


def test_english_is_stemmed_and_stop_words_dropped() -> None:
    assert list(index_terms("The borrowing rules are checked at compile time")) == [
        "borrow",
        "rule",
        "check",
        "compil",
        "time",
    ]


def test_a_lone_letter_is_a_name_only_when_written_as_one() -> None:
    assert list(index_terms("a b C x R I")) == ["c", "r"]
    assert query_candidates("c r a i") == ["c", "r"]


def test_possessives_and_contractions_keep_the_word() -> None:
    assert list(index_terms("Rust's compiler doesn't")) == ["rust", "compil", "doesn"]


def test_mixed_language_query() -> None:
    assert list(index_terms("Python 协程")) == ["python", "协程"]
    assert query_candidates("Python 协程") == ["python", "协程"]
    assert {"python", "协程"} <= set(query_candidates("用Python写协程"))


def test_chinese_uses_jieba_search_mode() -> None:
    terms = list(index_terms("分布式系统的一致性"))

    for word in ("分布式", "系统", "分布式系统", "一致", "一致性"):
        assert word in terms
    assert "的" not in terms


def test_chinese_bigrams_cover_what_jieba_split_differently() -> None:
    terms = list(index_terms("Parquet 是按列存储的"))

    assert terms == ["parquet", "按列", "存储", "列存"]
    # "列存" is no jieba word here: only the bigram fallback lets "列存储" find this text.
    assert {"列存", "存储"} <= set(query_candidates("列存储"))


def test_full_width_letters_fold_to_ascii() -> None:
    assert list(index_terms("Ｐｙｔｈｏｎ　３")) == ["python"]


def test_chinese_query_candidates_put_bigrams_first() -> None:
    candidates = query_candidates("数据质量检查")

    assert candidates[:5] == ["数据", "据质", "质量", "量检", "检查"]
    assert "数据质量" in candidates
    assert all(len(c) <= 6 for c in candidates)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", []),
        ("!!! ??? ...", []),
        ("🦀🦀", []),
        ("' OR 1=1; --", []),
        ('"unbalanced', ["unbalanc"]),
        ("<img src=x onerror=alert(1)>", ["img", "src", "x", "onerror", "alert"]),
    ],
)
def test_hostile_queries_become_harmless_terms(query: str, expected: list[str]) -> None:
    assert query_candidates(query) == expected


def test_long_queries_are_cut_short() -> None:
    assert len(query_candidates("x" * 5000)) == 0
    assert query_candidates(" ".join(f"w{n}" for n in range(500)))[-1] == "w21"
    assert len(query_candidates("".join(chr(0x4E00 + n) for n in range(500)))) == MAX_QUERY_TERMS
    assert len(query_candidates("数据" * 2500)) <= MAX_QUERY_TERMS
