"""What a reader sees, in real Chromium, on a phone and on a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, screenshot

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest, page: Page) -> str:
    page.set_viewport_size(VIEWPORTS[request.param])
    return request.param


def test_home_page_shows_courses_articles_and_live_sessions(
    page: Page, site_url: str, problems: list[str], viewport: str
) -> None:
    page.goto(site_url + "/")

    expect(page).to_have_title(
        "Studyhall Demo: Learn systems programming and data work from people who ship it"
    )
    expect(page.locator(".sh-card--course")).to_have_count(3)
    expect(page.locator(".sh-card--article")).to_have_count(6)
    expect(page.locator(".sh-card--live")).to_have_count(2)
    screenshot(page, f"home-{viewport}")
    page.get_by_role("link", name="Browse courses").click()
    expect(page).to_have_url(site_url + "/courses/")
    expect(page.locator(".sh-card--course")).to_have_count(4)
    assert problems == []


def test_a_lesson_reads_well_and_leads_to_the_next_one(
    page: Page, site_url: str, problems: list[str], viewport: str
) -> None:
    page.goto(site_url + "/courses/rust-foundations/ownership/")

    expect(page.locator("h1")).to_have_text("Ownership and moves")
    expect(page.locator(".sh-header")).to_be_visible()
    expect(page.locator(".highlight").first).to_be_visible()
    expect(page.locator(".sh-locked").first).to_contain_text("Members-only section")
    assert "MEMBERS-CANARY" not in page.content()
    if viewport == "desktop":
        expect(
            page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
        ).to_have_count(7)
        expect(page.locator(".md-sidebar--secondary .md-nav__link").first).to_be_visible()
    screenshot(page, f"lesson-{viewport}")

    page.locator("a.md-footer__link--next").click()

    expect(page).to_have_url(site_url + "/courses/rust-foundations/borrowing/")
    expect(page.locator("h1")).to_have_text("Borrowing and slices")
    assert problems == []


def test_the_course_menu_opens_on_a_phone(page: Page, site_url: str, problems: list[str]) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/courses/python-async/")

    page.locator(".sh-header__menu").click()

    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    screenshot(page, "course-menu-phone")
    assert problems == []


def test_a_chinese_article_is_marked_and_locked_where_it_should_be(
    page: Page, site_url: str, problems: list[str], viewport: str
) -> None:
    page.goto(site_url + "/articles/parquet-weishenme-kuai/")

    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.locator(".sh-article h1")).to_be_visible()
    expect(page.locator(".sh-locked")).to_have_count(1)
    assert "MEMBERS-CANARY" not in page.content()
    screenshot(page, f"article-zh-{viewport}")
    assert problems == []


def test_an_english_article_has_code_with_a_copy_button(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/articles/why-your-async-code-is-slow/")

    expect(page.locator(".sh-prose .highlight").first).to_be_visible()
    expect(page.locator(".sh-copy").first).to_have_text("Copy")
    screenshot(page, "article-en-desktop")
    assert problems == []


def test_pricing_lists_every_tier_with_its_price(
    page: Page, site_url: str, problems: list[str], viewport: str
) -> None:
    page.goto(site_url + "/pricing/")

    plans = page.locator(".sh-plan")
    expect(plans).to_have_count(3)
    expect(plans.nth(0)).to_contain_text("Free")
    expect(plans.nth(1)).to_contain_text("USD 12")
    expect(plans.nth(2)).to_contain_text("USD 29")
    screenshot(page, f"pricing-{viewport}")
    assert problems == []


def test_dark_mode_follows_the_reader_from_article_to_lesson(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/articles/")
    page.locator("[data-sh-theme-toggle]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    page.goto(site_url + "/courses/rust-foundations/ownership/")

    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    screenshot(page, "lesson-dark-desktop")
    page.goto(site_url + "/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert problems == []


def test_unknown_pages_get_the_site_404(page: Page, site_url: str) -> None:
    response = page.goto(site_url + "/no/such/page/")

    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
