"""Tokens: signed, expiring, and carrying exactly the keys a member paid for."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest

from site_builder.gate.keys import SiteSecret, derive_key, key_epoch
from site_builder.gate.tokens import Catalogue, TokenError, issue_token, read_token
from tests.conftest import FIXTURES, ROOT, run_build_py

SECRET = SiteSecret(b"s" * 48, "environment")
CATALOGUE = Catalogue(
    tier_ranks={"free": 0, "member": 1, "pro": 2},
    course_tiers={"rust": "free", "async": "member", "raft": "pro"},
)
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def _token(entitlements: list[str], days: int = 30) -> str:
    return issue_token(
        SECRET,
        CATALOGUE,
        member="ada@example.com",
        entitlements=entitlements,
        expires_at=NOW + dt.timedelta(days=days),
        epoch_days=30,
        now=NOW,
    )


def _payload(token: str) -> dict:
    body = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def test_a_tier_includes_lower_tiers_and_the_courses_they_open() -> None:
    assert CATALOGUE.included(["pro"]) == [
        "course:async",
        "course:raft",
        "course:rust",
        "member",
        "pro",
    ]
    assert CATALOGUE.included(["member"]) == ["course:async", "course:rust", "member"]
    assert CATALOGUE.included(["course:raft"]) == ["course:raft"]


def test_a_token_carries_the_keys_of_this_epoch_and_the_next() -> None:
    claims = read_token(SECRET, _token(["member"]), now=NOW)
    epoch = key_epoch(NOW.timestamp(), 30)

    assert claims.member == "ada@example.com"
    assert claims.epochs == [epoch, epoch + 1]
    key = base64.urlsafe_b64decode(claims.keys[str(epoch)]["member"] + "=")
    assert key == derive_key(SECRET, "member", epoch)
    assert "pro" not in claims.keys[str(epoch)]


def test_a_changed_payload_is_rejected_as_forged() -> None:
    head, _, signature = _token(["member"]).split(".")
    payload = _payload(_token(["pro"]))
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()

    with pytest.raises(TokenError) as error:
        read_token(SECRET, f"{head}.{body}.{signature}", now=NOW)
    assert error.value.kind == "forged"


def test_another_sites_token_is_rejected() -> None:
    with pytest.raises(TokenError) as error:
        read_token(SiteSecret(b"o" * 48, "environment"), _token(["pro"]), now=NOW)
    assert error.value.kind == "forged"


def test_an_expired_token_is_rejected() -> None:
    with pytest.raises(TokenError) as error:
        read_token(SECRET, _token(["pro"], days=1), now=NOW + dt.timedelta(days=2))
    assert error.value.kind == "expired"


@pytest.mark.parametrize("token", ["", "abc", "sh1.!!!.x", "sh2.e30.x", "sh1.e30.x"])
def test_a_damaged_token_is_rejected(token: str) -> None:
    with pytest.raises(TokenError) as error:
        read_token(SECRET, token, now=NOW)
    assert error.value.kind == "damaged"


def test_unknown_entitlements_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown entitlement 'gold'"):
        _token(["gold"])


def test_cli_issues_a_token_that_it_verifies(tmp_path: Path) -> None:
    issued = run_build_py(
        "token",
        "issue",
        "--email",
        "ada@example.com",
        "--entitlement",
        "member",
        "--days",
        "7",
        "--content",
        str(FIXTURES / "minimal"),
        cwd=tmp_path,
    )
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    assert "Unlock link: https://minimal.example/unlock/#token=" + token in issued.stderr

    verified = run_build_py(
        "token", "verify", token, "--content", str(FIXTURES / "minimal"), cwd=tmp_path
    )
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("Valid token for ada@example.com: member; expires ")

    other = run_build_py(
        "token",
        "verify",
        token,
        "--content",
        str(FIXTURES / "minimal"),
        cwd=tmp_path,
        secret="z" * 40,
    )
    assert other.returncode == 1
    assert "Invalid token (forged)" in other.stderr


def test_cli_refuses_an_unknown_entitlement(tmp_path: Path) -> None:
    result = run_build_py(
        "token",
        "issue",
        "--email",
        "a@b.c",
        "--entitlement",
        "gold",
        "--content",
        str(ROOT / "content"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert (
        "--entitlement: unknown entitlement 'gold'; use a tier (member, pro) or course:SLUG"
        in result.stderr
    )
