"""Unlocking members-only sections in real Chromium, and every state a reader can meet."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from site_builder.gate.keys import SiteSecret
from site_builder.gate.tokens import Catalogue, issue_token
from site_builder.sources.content_dir import ContentDirSource
from tests.browser.conftest import DESKTOP, screenshot
from tests.conftest import ROOT, TEST_SECRET

LOCKED_LESSON = "/courses/python-async/testing-and-debugging/"  # access: course:python-async
PRO_LESSON = "/courses/distributed-systems/consensus-with-raft/"  # access: pro


@pytest.fixture(scope="module")
def make_token():
    snapshot, _ = ContentDirSource(ROOT / "content").load()
    secret = SiteSecret(TEST_SECRET.encode(), "environment")

    def make(entitlement: str, *, days: float = 30, issued_days_ago: float = 0) -> str:
        now = dt.datetime.now(dt.UTC) - dt.timedelta(days=issued_days_ago)
        return issue_token(
            secret,
            Catalogue.from_snapshot(snapshot),
            member="reader@example.com",
            entitlements=[entitlement],
            expires_at=now + dt.timedelta(days=days),
            epoch_days=snapshot.site.key_epoch_days,
            now=now,
        )

    return make


def _use_token(page: Page, site_url: str, token: str) -> None:
    page.goto(f"{site_url}/unlock/#token={token}")
    expect(page.locator("[data-sh-unlock-status]")).not_to_have_attribute("data-state", "none")
    assert "token=" not in page.url


def test_a_locked_lesson_shows_its_teaser_and_how_to_unlock(
    page: Page, site_url: str, problems: list[str]
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + LOCKED_LESSON)

    expect(page.locator(".sh-teaser")).to_be_visible()
    expect(page.locator(".sh-locked")).to_contain_text("buyers of “Async Python in Practice”")
    expect(page.locator(".sh-locked a[href='/pricing/']")).to_be_visible()
    assert "MEMBERS-CANARY" not in page.inner_text("body")
    screenshot(page, "unlock-locked")
    assert problems == []


def test_a_valid_token_opens_the_real_text(
    page: Page, site_url: str, problems: list[str], make_token
) -> None:
    page.set_viewport_size(DESKTOP)
    _use_token(page, site_url, make_token("pro"))
    expect(page.locator("[data-sh-unlock-status]")).to_contain_text(
        "Unlocked for reader@example.com"
    )
    screenshot(page, "unlock-status")

    page.goto(site_url + LOCKED_LESSON)

    expect(page.locator(".sh-unlocked")).to_have_count(1)
    expect(page.locator(".sh-unlocked")).to_contain_text("MEMBERS-CANARY")
    expect(page.locator(".sh-locked")).to_have_count(0)
    screenshot(page, "unlock-opened")
    page.goto(site_url + "/articles/why-your-async-code-is-slow/")
    expect(page.locator(".sh-unlocked")).to_contain_text("MEMBERS-CANARY")
    assert problems == []


def test_signing_out_locks_the_page_again(page: Page, site_url: str, make_token) -> None:
    _use_token(page, site_url, make_token("pro"))
    page.locator("[data-sh-sign-out]").click()
    expect(page.locator("[data-sh-unlock-status]")).to_have_attribute("data-state", "none")

    page.goto(site_url + LOCKED_LESSON)

    expect(page.locator(".sh-locked")).to_have_count(1)
    expect(page.locator(".sh-unlocked")).to_have_count(0)


def test_an_expired_token_says_how_to_renew(page: Page, site_url: str, make_token) -> None:
    _use_token(page, site_url, make_token("pro", days=1, issued_days_ago=3))
    expect(page.locator("[data-sh-unlock-status]")).to_have_attribute("data-state", "expired")

    page.goto(site_url + LOCKED_LESSON)

    expect(page.locator(".sh-locked")).to_have_attribute("data-state", "expired")
    expect(page.locator(".sh-locked")).to_contain_text("expired")
    expect(page.locator(".sh-locked a[href='/pricing/']")).to_have_text("Renew your membership")
    screenshot(page, "unlock-expired")


def test_a_lower_tier_token_asks_for_an_upgrade(page: Page, site_url: str, make_token) -> None:
    _use_token(page, site_url, make_token("member"))

    page.goto(site_url + PRO_LESSON)

    expect(page.locator(".sh-locked")).to_have_attribute("data-state", "upgrade")
    expect(page.locator(".sh-locked")).to_contain_text("it is for Pro members")
    screenshot(page, "unlock-upgrade")
    page.goto(site_url + LOCKED_LESSON)
    expect(page.locator(".sh-unlocked")).to_have_count(1)


@pytest.mark.parametrize("kind", ["garbage", "tampered-key"])
def test_a_damaged_token_is_reported(page: Page, site_url: str, make_token, kind: str) -> None:
    token = make_token("pro")
    if kind == "garbage":
        token = "sh1.not-a-token.at-all"
    else:
        import base64
        import json

        head, body, signature = token.split(".")
        claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        for keys in claims["keys"].values():
            keys["course:python-async"] = keys["pro"]
        body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        token = f"{head}.{body}.{signature}"
    _use_token(page, site_url, token)

    page.goto(site_url + LOCKED_LESSON)

    expect(page.locator(".sh-locked")).to_have_attribute("data-state", "damaged")
    expect(page.locator(".sh-locked")).to_contain_text("damaged")
    screenshot(page, f"unlock-damaged-{kind}")
