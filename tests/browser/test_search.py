"""The header search box works from both renderers' pages, in English and Chinese."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, screenshot


def _search_from(page: Page, url: str, query: str) -> None:
    page.goto(url)
    box = page.locator("[data-sh-search-input]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")


def test_english_query_from_a_lesson(page: Page, site_url: str, problems: list[str]) -> None:
    page.set_viewport_size(DESKTOP)
    _search_from(page, site_url + "/courses/rust-foundations/ownership/", "borrow checker")

    results = page.locator(".sh-search-result")
    expect(results.first).to_be_visible()
    expect(page.locator(".sh-search-results")).to_contain_text(
        "The borrow checker is a code reviewer"
    )
    screenshot(page, "search-en-desktop")
    results.first.locator("a").click()
    expect(page.locator("h1").first).to_be_visible()
    assert problems == []


def test_chinese_query_from_an_article(page: Page, site_url: str, problems: list[str]) -> None:
    page.set_viewport_size(DESKTOP)
    _search_from(page, site_url + "/articles/why-your-async-code-is-slow/", "数据")

    expect(page.locator(".sh-search-results")).to_contain_text("Parquet 为什么快")
    screenshot(page, "search-zh-desktop")
    assert problems == []


def test_hostile_queries_show_an_empty_state_and_run_no_script(
    page: Page, site_url: str, problems: list[str]
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for query in [
        "<img src=x onerror=alert(1)>",
        "' OR 1=1; --",
        '"unbalanced',
        "🦀🦀",
        "x" * 5000,
        "!!!",
    ]:
        page.goto(site_url + "/search/")
        page.locator("[data-sh-search-page-input]").fill(query)
        expect(page.locator("[data-sh-search-status]")).to_be_visible()
        assert page.locator(".sh-search-results img").count() == 0
    assert dialogs == []
    assert problems == []


def test_members_only_text_is_not_searchable(page: Page, site_url: str) -> None:
    page.goto(site_url + "/search/?q=MEMBERS-CANARY")

    expect(page.locator("[data-sh-search-status]")).to_contain_text("Nothing matches")
