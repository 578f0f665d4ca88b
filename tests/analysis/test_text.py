"""Tokens a technical catalogue cannot lose, and quiet Chinese word cutting."""

from __future__ import annotations

import dataclasses
import logging

from site_builder.analysis.text import TextFeatures, cjk_char_ngrams, page_text, tokenize
from site_builder.model import Body, Markdown, MembersOnly

from .conftest import article


def test_short_technical_tokens_survive() -> None:
    tokens = tokenize("C, R and Go; C++ and C# on .NET, k8s, Node.js and GPT-4")
    for token in ("c", "r", "go", "c++", "c#", ".net", "k8s", "node.js", "gpt-4"):
        assert token in tokens


def test_stop_words_go_but_go_the_language_stays() -> None:
    assert tokenize("so we go and get it") == []
    assert tokenize("written in Go") == ["written", "go"]


def test_dotted_names_keep_whole_and_parts() -> None:
    assert tokenize("edit web.config") == ["edit", "web.config", "web", "config"]


def test_chinese_is_cut_into_words_without_log_noise(caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        tokens = tokenize("用Python做数据分析：pandas 的内存优化")
    assert {"python", "数据分析", "pandas", "内存", "优化"} <= set(tokens)
    assert "的" not in tokens
    assert not [r for r in caplog.records if r.name == "jieba"]


def test_chinese_character_ngrams_stay_inside_chinese_runs() -> None:
    assert cjk_char_ngrams("内存 ab 优化") == ["内存", "优化"]


def test_page_text_reads_public_text_only() -> None:
    body = Body((Markdown("public words"), MembersOnly("member", "SECRET-CANARY", 0)))
    gated = dataclasses.replace(article("a", "Title", ""), body=body)
    assert "public words" in page_text(gated)
    assert "SECRET-CANARY" not in page_text(gated)


def test_features_cover_both_languages() -> None:
    matrix = TextFeatures(min_df=1).fit_transform(["Rust ownership", "内存优化 pandas"])
    assert matrix.shape[0] == 2
    assert matrix.getnnz(axis=1).min() > 0
