"""The home page's featured courses fill their rows on a desktop, a tablet and a phone.

The demo features three courses (one in Chinese); the other counts a site may feature (one
to six) are checked by showing that many of the demo's real cards in the same grid.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, screenshot

WIDTHS = {"desktop": 1280, "tablet": 800, "phone": PHONE["width"]}
# The most cards a row may hold at each width.
MOST_A_ROW = {"desktop": 4, "tablet": 2, "phone": 1}

# Keeps the first `n` featured cards, repeating the demo's cards when it has fewer,
# and returns the cards' boxes row by row, relative to the grid's content box.
ROWS = """(n) => {
  const grid = document.querySelector("[data-sh-featured]");
  const cards = [...grid.children];
  while (grid.children.length > n) grid.lastElementChild.remove();
  for (let i = 0; grid.children.length < n; i++) {
    grid.appendChild(cards[i % cards.length].cloneNode(true));
  }
  const box = grid.getBoundingClientRect();
  const gap = parseFloat(getComputedStyle(grid).columnGap);
  const rows = new Map();
  for (const card of grid.children) {
    const r = card.getBoundingClientRect();
    const top = Math.round(r.top);
    if (!rows.has(top)) rows.set(top, []);
    rows.get(top).push({left: r.left - box.left, right: r.right - box.left, height: r.height});
  }
  return {width: box.width, gap: gap, rows: [...rows.values()]};
}"""


def assert_rows_filled(layout: dict, most: int) -> None:
    """Every row starts at the grid's left edge, ends at its right one, with no hole between."""
    for row in layout["rows"]:
        assert 1 <= len(row) <= most, layout
        assert row[0]["left"] == pytest.approx(0, abs=1), layout
        assert row[-1]["right"] == pytest.approx(layout["width"], abs=1), layout
        for before, after in itertools.pairwise(row):
            assert after["left"] - before["right"] == pytest.approx(layout["gap"], abs=1), layout
        assert len({round(card["height"]) for card in row}) == 1, f"uneven heights: {row}"


def test_the_demo_featured_courses_fill_one_row_at_1280_px(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    cards = page.locator("[data-sh-featured] > .sh-card--course")
    expect(cards).to_have_count(3)

    layout = page.evaluate(ROWS, 3)

    assert len(layout["rows"]) == 1, layout
    assert_rows_filled(layout, 3)
    widths = {round(card["right"] - card["left"]) for card in layout["rows"][0]}
    assert len(widths) == 1, f"the three cards differ in width: {widths}"
    expect(cards.nth(2)).to_have_attribute("lang", "zh")
    assert problems == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_one_to_six_featured_courses_leave_no_empty_track(
    page: Page, site_url: str, problems: list[str], width: str
) -> None:
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})

    for count in range(1, 7):
        page.goto(site_url + "/")
        layout = page.evaluate(ROWS, count)

        assert sum(len(row) for row in layout["rows"]) == count
        assert_rows_filled(layout, MOST_A_ROW[width])
        if width == "desktop" and count in (2, 3, 4):
            assert len(layout["rows"]) == 1, layout
    assert problems == []


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_featured_cards_read_well_in_english_and_chinese(
    page: Page, site_url: str, problems: list[str], width: str
) -> None:
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(site_url + "/")
    featured = page.locator("[data-sh-featured]")

    for card in featured.locator(".sh-card--course").all():
        clipped = card.evaluate(
            "card => [...card.querySelectorAll('*')].some(n => n.scrollWidth > n.clientWidth + 1)"
        )
        assert not clipped, card.inner_text()
    expect(featured.locator(".sh-card--course[lang=zh] .sh-card__title")).to_contain_text(
        "数据分析"
    )
    featured.scroll_into_view_if_needed()
    page.mouse.wheel(0, -80)
    screenshot(page, f"home-featured-{width}")
    assert problems == []
