"""Reading history in real Chromium: continue the course, recommendations, paths, privacy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.browser.conftest import DESKTOP, PHONE, screenshot

RUST = "/courses/rust-foundations/"
ASYNC = "/courses/python-async/"
ZH = "/courses/shuju-fenxi-rumen/"
ASYNC_LESSONS = [
    "the-event-loop",
    "tasks-and-gather",
    "structured-concurrency",
    "queues-and-backpressure",
    "blocking-code",
    "testing-and-debugging",
]
#: Oldest first: two Rust lessons, an article, a Chinese lesson, then one async lesson.
READING = [
    RUST + "getting-started/",
    RUST + "ownership/",
    "/articles/sqlite-is-probably-enough/",
    ZH + "huanjing-he-dataframe/",
    ASYNC + "the-event-loop/",
]
READ_ITEMS = [
    "lesson:rust-foundations/getting-started",
    "lesson:rust-foundations/ownership",
    "article:sqlite-is-probably-enough",
    "lesson:shuju-fenxi-rumen/huanjing-he-dataframe",
    "lesson:python-async/the-event-loop",
]
HISTORY_MARKERS = ("lesson:", "article:", "course:", "live:", "studyhall.history")


class Traffic:
    """Every request the browser makes, to show that the reading history stays local."""

    def __init__(self, site_url: str) -> None:
        self.origin = urlsplit(site_url).netloc
        self.requests: list[Request] = []

    def __call__(self, request: Request) -> None:
        self.requests.append(request)

    def problems(self, pages: list[str]) -> list[str]:
        found = []
        for request in self.requests:
            url = urlsplit(request.url)
            headers = " ".join(f"{k}: {v}" for k, v in request.headers.items())
            if url.netloc != self.origin:
                found.append(f"request to another host: {request.url}")
            if request.method != "GET" or request.post_data:
                found.append(f"{request.method} with a body: {request.url}")
            if url.query or url.fragment:
                found.append(f"query or fragment: {request.url}")
            if any(marker in request.url + headers for marker in HISTORY_MARKERS):
                found.append(f"history in a request: {request.url}")
            if request.resource_type == "document" and url.path not in pages:
                found.append(f"unexpected page: {request.url}")
            if request.resource_type != "document" and not url.path.startswith("/assets/"):
                found.append(f"unexpected fetch: {request.url}")
        return found


def _read(page: Page, site_url: str, paths: list[str]) -> None:
    for path in paths:
        page.goto(site_url + path)
        expect(page.locator("[data-sh-read]")).to_have_count(1)


def _hrefs(page: Page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("(ns) => ns.map((n) => n.getAttribute('href'))")


def _history(page: Page) -> list[str]:
    return page.evaluate("() => JSON.parse(localStorage.getItem('studyhall.history'))")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_home_continues_the_courses_and_recommends_unread_pages(
    page: Page, site_url: str, problems: list[str], viewport: dict
) -> None:
    page.set_viewport_size(viewport)
    traffic = Traffic(site_url)
    page.on("request", traffic)

    _read(page, site_url, READING)
    page.goto(site_url + "/")

    cards = page.locator("[data-sh-continue] .sh-continue")
    expect(cards).to_have_count(3)
    # Most recent course first; each points at the lesson after the last one opened.
    expect(cards.nth(0)).to_contain_text("Async Python in Practice")
    expect(cards.nth(0)).to_contain_text("1 of 6 lessons read")
    assert _hrefs(page, ".sh-continue__button") == [
        ASYNC + "tasks-and-gather/",
        ZH + "duqu-he-qingxi/",
        RUST + "borrowing/",
    ]
    expect(cards.nth(1).locator("h3")).to_have_attribute("lang", "zh")
    recs = page.locator("[data-sh-recs] .sh-rec__link")
    expect(page.locator("[data-sh-recs-title]")).to_have_text("Recommended for you")
    expect(recs).to_have_count(6)
    shown = _hrefs(page, "[data-sh-recs] .sh-rec__link")
    assert not set(shown) & set(READING)
    assert not set(shown) & set(_hrefs(page, ".sh-continue__button"))
    expect(page.locator("[data-sh-recs-personal]")).to_be_visible()
    assert _history(page) == READ_ITEMS
    name = "desktop" if viewport == DESKTOP else "phone"
    page.locator("[data-sh-continue]").scroll_into_view_if_needed()
    screenshot(page, f"recommend-home-{name}")

    assert traffic.problems([*READING, "/"]) == []
    assert problems == []


def test_recommendations_match_the_recommender_and_skip_what_is_on_the_page(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    _read(page, site_url, READING)
    page.goto(site_url + "/")

    expected = page.evaluate(
        """async (history) => {
          const engine = await window.StudyhallRecommend.load();
          return engine.recommend(history, 20).map((id) => engine.cards[id].url);
        }""",
        READ_ITEMS,
    )
    # The next lessons are on the page already; started courses are in "Continue".
    skipped = set(_hrefs(page, ".sh-continue__button")) | {RUST, ASYNC, ZH}
    expect(page.locator("[data-sh-recs] .sh-rec__link")).to_have_count(6)
    assert (
        _hrefs(page, "[data-sh-recs] .sh-rec__link")
        == [url for url in expected if url not in skipped][:6]
    )
    assert problems == []


def test_a_lesson_lists_recommendations_once_there_is_history(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + RUST + "ownership/")
    expect(page.locator("[data-sh-recs]")).to_be_hidden()  # a first page: related is enough

    _read(page, site_url, ["/articles/the-borrow-checker-is-a-reviewer/", RUST + "borrowing/"])

    inline = page.locator("[data-sh-recs]")
    expect(inline).to_be_visible()
    expect(inline.locator(".sh-rec")).to_have_count(3)
    shown = set(_hrefs(page, "[data-sh-recs] .sh-rec__link"))
    assert not shown & set(_hrefs(page, ".sh-related__list a"))
    assert not shown & {RUST + "ownership/", RUST + "borrowing/"}
    inline.scroll_into_view_if_needed()
    screenshot(page, "recommend-lesson-desktop")

    page.goto(site_url + "/articles/parquet-weishenme-kuai/")
    expect(page.locator("[data-sh-recs]")).to_be_visible()
    page.locator("[data-sh-recs]").scroll_into_view_if_needed()
    screenshot(page, "recommend-article-zh-desktop")
    assert problems == []


def test_a_course_page_shows_progress_and_the_path_skips_finished_courses(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    _read(page, site_url, [ASYNC + slug + "/" for slug in ASYNC_LESSONS] + [RUST + "ownership/"])

    page.goto(site_url + RUST)
    progress = page.locator("[data-sh-course-progress]")
    expect(progress).to_contain_text("You have read 1 of 6 lessons.")
    expect(progress.locator("a")).to_have_attribute("href", RUST + "borrowing/")
    expect(page.locator(".sh-lesson-list__item--read")).to_have_count(1)
    screenshot(page, "recommend-course-desktop")

    page.goto(site_url + ASYNC)
    expect(page.locator("[data-sh-course-progress]")).to_contain_text("every lesson")
    expect(page.locator(".sh-lesson-list__item--read")).to_have_count(6)

    page.goto(site_url + "/courses/distributed-systems/")
    expect(page.locator(".sh-path-step--done")).to_have_count(1)
    expect(page.locator(".sh-path-step--done")).to_have_attribute("href", ASYNC)
    expect(page.locator("[data-sh-path-next] a")).to_have_attribute("href", RUST)
    page.locator("[data-sh-path]").scroll_into_view_if_needed()
    screenshot(page, "recommend-path-desktop")

    page.goto(site_url + "/")
    assert ASYNC + "tasks-and-gather/" not in _hrefs(page, ".sh-continue__button")
    expect(page.locator(".sh-continue")).to_have_count(1)  # the finished course is gone
    page.goto(site_url + "/paths/")
    expect(page.locator(".sh-path-step--done")).to_have_count(2)  # its own path and one more
    assert problems == []


def test_dark_mode_and_forgetting_the_history(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    _read(page, site_url, READING)
    page.goto(site_url + "/")
    page.locator("[data-sh-theme-toggle]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("[data-sh-continue]").scroll_into_view_if_needed()
    screenshot(page, "recommend-home-dark")
    page.goto(site_url + RUST)
    screenshot(page, "recommend-course-dark")

    page.goto(site_url + "/")
    page.locator("[data-sh-forget-history]").click()

    expect(page.locator("[data-sh-recs-title]")).to_have_text("Popular with readers")
    expect(page.locator("[data-sh-continue]")).to_be_hidden()
    assert page.evaluate("() => localStorage.getItem('studyhall.history')") is None
    assert problems == []


def test_without_script_the_home_page_shows_popular_pages(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "/")

    expect(page.locator("[data-sh-recs-title]")).to_have_text("Popular with readers")
    expect(page.locator("[data-sh-recs] .sh-rec")).to_have_count(6)
    expect(page.locator("[data-sh-continue]")).to_be_hidden()
    expect(page.locator("[data-sh-recs-personal]")).to_be_hidden()
    page.locator("[data-sh-recs]").scroll_into_view_if_needed()
    screenshot(page, "recommend-home-no-script-phone")
    context.close()
