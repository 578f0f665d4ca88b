"""The header search box on pages of both renderers, and the /search/ page, in real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.search.hostile import HOSTILE_QUERIES

LESSON = "/courses/rust-foundations/ownership/"  # MkDocs + Material
ARTICLE = "/articles/why-your-async-code-is-slow/"  # Pelican

CASES = {
    "en-lesson": (
        LESSON,
        "borrow checker",
        "The borrow checker is a code reviewer, not an obstacle",
        "/articles/the-borrow-checker-is-a-reviewer/",
    ),
    "zh-lesson": (
        LESSON,
        "数据质量",
        "数据质量的五条底线",
        "/articles/shuju-zhiliang-wu-tiao-dixian/",
    ),
    "en-article": (
        ARTICLE,
        "event loop",
        "What the event loop actually does",
        "/courses/python-async/the-event-loop/",
    ),
    "zh-article": (
        ARTICLE,
        "时间序列 重采样",
        "时间序列入门",
        "/courses/shuju-fenxi-rumen/shijian-xulie/",
    ),
}


def _type_in_header(page: Page, text: str) -> None:
    box = page.locator("[data-sh-search-input]")
    box.click()
    box.press_sequentially(text)


def _snippets_in(page: Page) -> None:
    """Results show before their snippets; leaving while those load would abort requests."""
    expect(page.locator("#sh-search-hits")).to_have_attribute("aria-busy", "false")


@pytest.mark.parametrize("case", list(CASES))
def test_a_query_in_the_header_box_finds_and_opens_the_page(
    page: Page, site_url: str, problems: list[str], case: str
) -> None:
    url, text, title, target = CASES[case]
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + url)
    _type_in_header(page, text)

    panel = page.locator("[data-sh-search-panel]")
    expect(panel).to_be_visible()
    first = panel.locator(".sh-hit").first
    expect(first.locator(".sh-hit__title")).to_have_text(title)
    expect(first.locator("mark").first).to_be_visible()
    _snippets_in(page)
    screenshot(page, f"search-{case}")
    first.click()
    expect(page).to_have_url(site_url + target)
    expect(page.locator("h1").first).to_contain_text(title[:6])
    assert problems == []


def test_keyboard_only_search_like_material(page: Page, site_url: str, problems: list[str]) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + LESSON)
    page.keyboard.press("s")
    expect(page.locator("[data-sh-search-input]")).to_be_focused()
    page.keyboard.type("Raft 选举")
    expect(page.locator(".sh-hit").first).to_contain_text("Consensus with Raft")
    _snippets_in(page)
    page.keyboard.press("Escape")
    expect(page.locator("[data-sh-search-panel]")).to_be_hidden()

    page.goto(site_url + ARTICLE)
    page.keyboard.press("/")
    page.keyboard.type("asyncio.gather")
    expect(page.locator(".sh-hit").first).to_contain_text("Tasks, gather and as_completed")
    page.keyboard.press("ArrowDown")
    expect(page.locator(".sh-hit").first).to_have_class("sh-hit sh-hit--active")
    _snippets_in(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/courses/python-async/tasks-and-gather/")
    assert problems == []


def test_enter_without_a_choice_opens_the_search_page_with_filters(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + ARTICLE)
    _type_in_header(page, "pandas")
    expect(page.locator(".sh-hit").first).to_be_visible()
    _snippets_in(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=pandas")

    results = page.locator(".sh-search-result")
    expect(results).to_have_count(10)
    expect(page.locator("[data-sh-search-status]")).to_have_text("11 results for “pandas”")
    page.locator("[data-sh-search-more]").click()
    expect(results).to_have_count(11)
    page.locator("[data-sh-search-kind]").select_option("lesson")
    page.locator("[data-sh-search-lang]").select_option("zh")
    expect(page.locator("[data-sh-search-status]")).to_contain_text("results for “pandas”")
    expect(page).to_have_url(site_url + "/search/?q=pandas&kind=lesson&lang=zh")
    for meta in results.locator(".sh-hit__meta").all_inner_texts():
        assert meta.startswith("Lesson · ") and "中文" in meta
    screenshot(page, "search-page-filtered")
    assert problems == []


def test_the_results_fit_a_phone(page: Page, site_url: str, problems: list[str]) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + LESSON)
    _type_in_header(page, "Python 协程")

    panel = page.locator("[data-sh-search-panel]")
    expect(panel.locator(".sh-hit").first).to_be_visible()
    box = panel.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    screenshot(page, "search-phone")
    assert problems == []


@pytest.mark.parametrize("where", ["header", "page"])
def test_hostile_queries_show_an_empty_state_and_run_no_script(
    page: Page, site_url: str, problems: list[str], where: str
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + (ARTICLE if where == "header" else "/search/"))
    box = page.locator(
        "[data-sh-search-input]" if where == "header" else "[data-sh-search-page-input]"
    )
    results = page.locator(
        "[data-sh-search-panel]" if where == "header" else "[data-sh-search-results]"
    )
    status = page.locator(".sh-search__status" if where == "header" else "[data-sh-search-status]")
    for text in [q for q in HOSTILE_QUERIES if q.strip()]:
        box.fill(text)
        expect(status).to_have_text(
            re.compile("^(Nothing to look for|Nothing matches|[0-9]+ results?)")
        )
        assert results.locator("img, script, b, iframe, [onerror]").count() == 0
    box.fill("' OR 1=1; --")
    expect(status).to_contain_text("Nothing to look for")
    box.fill("zyzzyva quux")
    expect(status).to_contain_text("Nothing matches “zyzzyva quux”. Try fewer or shorter words")
    if where == "page":
        screenshot(page, "search-empty-state")
    assert dialogs == []
    assert problems == []


def test_members_only_text_is_not_searchable(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.goto(site_url + "/search/?q=MEMBERS-CANARY")

    expect(page.locator("[data-sh-search-status]")).to_contain_text("result")
    texts = page.locator("[data-sh-search-results]").inner_text()
    assert "CANARY" not in texts
    assert problems == []


def test_results_show_after_one_round_trip_and_snippets_fill_in(
    page: Page, site_url: str, problems: list[str]
) -> None:
    """Focus fetches the manifest and page table; typing fetches each word's shard once
    its first three letters are in, so the last key needs no request before results."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url.split("/search/", 1)[-1]))
    page.goto(site_url + ARTICLE)
    box = page.locator("[data-sh-search-input]")
    box.focus()
    page.evaluate("() => window.StudyhallSearch.warm()")
    assert "index.json" in requests and any(r.endswith("/pages.json") for r in requests)

    box.press_sequentially("event loo")
    hits = page.locator("#sh-search-hits")
    expect(hits).to_have_attribute("data-sh-query", "event loo")
    expect(hits).to_have_attribute("aria-busy", "false")
    shards_before = sorted(r for r in requests if "/t/" in r)
    box.press("p")

    expect(hits).to_have_attribute("data-sh-query", "event loop")
    expect(hits.locator(".sh-hit__title").first).to_have_text("What the event loop actually does")
    expect(hits).to_have_attribute("aria-busy", "false")
    expect(hits.locator(".sh-hit__text mark").first).to_be_visible()
    assert sorted(r for r in requests if "/t/" in r) == shards_before
    assert problems == []
