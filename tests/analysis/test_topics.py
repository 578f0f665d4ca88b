"""Topics: deterministic, stable across rebuilds, meaningful in Chinese, overridable."""

from __future__ import annotations

import dataclasses

from sklearn.metrics import normalized_mutual_info_score

from site_builder.analysis import AnalysisResult, TopicModel, TopicOverrides, analyse
from site_builder.analysis.overrides import read_topic_overrides
from site_builder.model import Body, MembersOnly, Snapshot

from .conftest import article, snapshot

ZH_DOCS = {
    "sport": [
        "篮球比赛中球队在最后一节完成逆转",
        "足球联赛本赛季冠军争夺进入白热化",
        "这名球员在篮球总决赛中拿下三十分",
        "国家足球队主教练公布新一期球员名单",
        "网球公开赛决赛球员发挥出色赢得比赛",
        "球队主场比赛门票全部售罄球迷热情高涨",
    ],
    "finance": [
        "股票市场今日大盘指数小幅上涨",
        "央行宣布下调存款准备金率释放流动性",
        "基金经理看好下半年股票市场行情",
        "银行理财产品收益率持续走低",
        "上市公司年报显示净利润增长股价上涨",
        "投资者关注股票指数和债券收益率变化",
    ],
    "tech": [
        "新款手机搭载自研芯片性能大幅提升",
        "人工智能大模型推动芯片需求增长",
        "这款手机的电池续航和相机表现出色",
        "芯片制造工艺进入三纳米时代",
        "科技公司发布新一代人工智能手机",
        "操作系统更新带来更流畅的手机体验",
    ],
}


def zh_snapshot() -> tuple[Snapshot, list[str]]:
    pages, labels = [], []
    for label, texts in ZH_DOCS.items():
        for n, text in enumerate(texts):
            pages.append(article(f"{label}-{n}", text[:6], text))
            labels.append(label)
    return snapshot(*pages), labels


def test_chinese_text_clusters_by_meaning() -> None:
    snap, labels = zh_snapshot()
    model = TopicModel(3).fit(snap)
    assignment = model.assignment()
    predicted = [assignment[page.item_id] for page in snap.pages()]
    assert normalized_mutual_info_score(labels, predicted) >= 0.75


def test_labels_come_from_distinctive_terms(demo_result: AnalysisResult) -> None:
    result = demo_result
    labels = " ".join(t.label for t in result.topics)
    assert "rust" in labels.lower()
    assert all(t.label and t.slug for t in result.topics)
    assert len({t.slug for t in result.topics}) == len(result.topics)
    assert 3 <= len(result.topics) <= 12


def test_same_input_gives_byte_identical_output(
    demo: Snapshot, demo_result: AnalysisResult
) -> None:
    assert analyse(demo).to_json() == demo_result.to_json()


def test_result_round_trips_through_json(demo_result: AnalysisResult) -> None:
    result = demo_result
    assert AnalysisResult.from_json(result.to_json()).to_json() == result.to_json()


def test_adding_one_article_keeps_topics_and_urls(
    demo: Snapshot, demo_result: AnalysisResult
) -> None:
    before = demo_result
    new = article(
        "tokio-vs-asyncio",
        "Tokio vs asyncio",
        "Comparing the Rust tokio runtime with Python asyncio event loops and tasks.",
    )
    grown = demo.replace(articles=(*demo.articles, new))
    after = analyse(grown, previous=AnalysisResult.from_json(before.to_json()))
    old = {i: t.slug for t in before.topics for i in t.members}
    now = {i: t.slug for t in after.topics for i in t.members}
    same = sum(old[i] == now[i] for i in old)
    assert same / len(old) >= 0.9
    assert {t.slug for t in before.topics} <= {t.slug for t in after.topics}
    assert new.item_id in now


def test_reclustering_keeps_urls_of_matching_topics(
    demo: Snapshot, demo_result: AnalysisResult
) -> None:
    before = demo_result
    fresh = TopicModel(
        len(before.topics), previous=before.previous_topics(), recluster_share=0.0
    ).fit(demo)
    assert {t.slug for t in fresh.topics_} == {t.slug for t in before.topics}


def test_overrides_rename_merge_and_pin(demo: Snapshot, demo_result: AnalysisResult) -> None:
    topics = demo_result.topics
    first, second = topics[0], topics[1]
    page = second.members[0]
    rules = TopicOverrides(
        rename={first.slug: "Renamed"},
        merge={second.slug: first.slug},
        pin={page: "hand-picked"},
    )
    result = analyse(demo, overrides=rules)
    by_slug = {t.slug: t for t in result.topics}
    assert by_slug[first.slug].label == "Renamed"
    assert second.slug not in by_slug
    assert set(second.members) - {page} <= set(by_slug[first.slug].members)
    assert by_slug["hand-picked"].members == (page,)


def test_topics_yml_is_read_and_mistakes_are_reported(tmp_path) -> None:
    path = tmp_path / "topics.yml"
    path.write_text("rename:\n  a: B\npin:\n  article:x: a\nshuffle: 1\n", encoding="utf-8")
    rules, problems = read_topic_overrides(path, "content/topics.yml")
    assert rules.rename == {"a": "B"}
    assert rules.pin == {"article:x": "a"}
    assert [str(p) for p in problems] == [
        "content/topics.yml: shuffle: is not a known section; use rename, merge or pin"
    ]
    assert read_topic_overrides(tmp_path / "absent.yml") == (TopicOverrides(), [])


def test_members_only_text_never_reaches_the_result(demo: Snapshot) -> None:
    secret = "MEMBERSONLYCANARY"
    page = demo.articles[0]
    body = Body((*page.body.blocks, MembersOnly("member", f"{secret} {secret} words", 9)))
    leaky = demo.replace(articles=(dataclasses.replace(page, body=body), *demo.articles[1:]))
    assert secret.lower() not in analyse(leaky).to_json().lower()


def test_topic_map_is_an_svg_with_every_label(demo_result: AnalysisResult) -> None:
    result = demo_result
    assert result.topic_map_svg.startswith("<svg")
    for topic in result.topics:
        assert f'href="{topic.slug}/"' in result.topic_map_svg
        assert 0.0 <= topic.x <= 1.0 and 0.0 <= topic.y <= 1.0


def test_tiny_site_gets_one_topic() -> None:
    result = analyse(snapshot(article("a", "Only page", "Rust ownership")))
    assert len(result.topics) == 1
    assert result.topics[0].members == ("article:a",)
