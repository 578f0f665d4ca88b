"""Light and dark look the same on the publication (Pelican) and in the course reader (MkDocs).

A reader who goes from an article to a lesson, or back, must never see the scheme change:
not when the system prefers light, not when it prefers dark, not after using the toggle.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, screenshot

ARTICLE = "/articles/why-your-async-code-is-slow/"
LESSON = "/courses/rust-foundations/ownership/"
CHINESE_LESSON = "/courses/shuju-fenxi-rumen/"
LIGHT = ("rgb(255, 255, 255)", "dark text")
DARK = ("rgb(17, 19, 26)", "light text")
LOOK = {"light": LIGHT, "dark": DARK}
OTHER = {"light": "dark", "dark": "light"}

# Runs before any page script: the body's colours in every frame the browser renders.
RECORD_FRAMES = """
window.__frames = [];
(function frame() {
  if (document.body) {
    var style = getComputedStyle(document.body);
    window.__frames.push([style.backgroundColor, style.color]);
  }
  if (document.readyState !== "complete") requestAnimationFrame(frame);
})();
"""


def look(background: str, text: str) -> tuple[str, str]:
    """The page background and whether the text on it is light or dark.

    The two renderers use slightly different text colours, so text is compared by lightness.
    """
    red, green, blue = (float(part) for part in re.findall(r"[\d.]+", text)[:3])
    return background, "light text" if 0.3 * red + 0.59 * green + 0.11 * blue > 128 else "dark text"


def seen(page: Page) -> tuple[str, str]:
    return look(
        *page.evaluate("(s => [s.backgroundColor, s.color])(getComputedStyle(document.body))")
    )


def saved_choice(page: Page) -> str | None:
    return page.evaluate("localStorage.getItem('/.__palette')")


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("route", [(ARTICLE, LESSON), (LESSON, ARTICLE), (ARTICLE, CHINESE_LESSON)])
def test_without_a_choice_every_page_follows_the_system(
    page: Page, site_url: str, problems: list[str], system: str, route: tuple[str, str]
) -> None:
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme=system)

    looks = []
    for path in route:
        page.goto(site_url + path)
        looks.append(seen(page))

    assert looks == [LOOK[system]] * 2, route
    assert saved_choice(page) is None, "following the system must not store a choice"
    if route == (ARTICLE, LESSON):
        screenshot(page, f"lesson-system-{system}-desktop")
    assert problems == []


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("start", [ARTICLE, LESSON])
def test_a_choice_made_with_the_toggle_holds_on_both_renderers(
    page: Page, site_url: str, problems: list[str], system: str, start: str
) -> None:
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme=system)
    other = LESSON if start == ARTICLE else ARTICLE
    page.goto(site_url + start)

    page.locator("[data-sh-theme-toggle]").click()
    chosen = OTHER[system]

    assert seen(page) == LOOK[chosen]
    page.goto(site_url + other)
    assert seen(page) == LOOK[chosen]
    page.emulate_media(color_scheme=chosen)
    page.emulate_media(color_scheme=system)
    assert seen(page) == LOOK[chosen], "a saved choice wins over the system"

    page.locator("[data-sh-theme-toggle]").click()
    assert seen(page) == LOOK[system]
    page.goto(site_url + start)
    assert seen(page) == LOOK[system]
    assert problems == []


@pytest.mark.parametrize("path", [ARTICLE, LESSON])
def test_an_open_page_follows_the_system_when_it_switches(
    page: Page, site_url: str, problems: list[str], path: str
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url + path)
    assert seen(page) == LIGHT

    page.emulate_media(color_scheme="dark")

    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert seen(page) == DARK
    assert problems == []


@pytest.mark.parametrize("path", [ARTICLE, LESSON])
def test_no_frame_is_drawn_in_the_wrong_scheme(
    page: Page, site_url: str, problems: list[str], path: str
) -> None:
    page.emulate_media(color_scheme="dark")
    page.add_init_script(RECORD_FRAMES)

    page.goto(site_url + path)
    page.wait_for_load_state("load")
    frames = [look(*frame) for frame in page.evaluate("window.__frames")]

    assert frames, "no frame was recorded"
    assert set(frames) == {DARK}, frames
    assert problems == []
