"""Access tokens: the one module that issues and checks them, for the CLI and the CMS.

A token is ``sh1.<payload>.<signature>``, both parts base64url without padding.
The payload is compact JSON::

    {"v": 1, "sub": "ada@example.com", "ent": ["pro"], "iat": 1764000000,
     "exp": 1766592000, "keys": {"20410": {"pro": "<key>", "member": "<key>"},
                                 "20411": {...}}}

``keys`` holds, for the current and the next key epoch, the AES key of every
entitlement the member's purchases include (a tier includes the lower tiers
and the courses those tiers open). The browser needs nothing else to decrypt,
so a token is a bearer secret: it stays in the reader's browser. The HMAC
signature lets the CMS (which knows the site secret) verify and refresh it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from site_builder.gate.keys import SiteSecret, derive_key, key_epoch
from site_builder.model import Snapshot

PREFIX = "sh1"


class TokenError(Exception):
    """Why a token cannot be used: ``damaged``, ``forged`` or ``expired``."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


@dataclass(frozen=True)
class Catalogue:
    """What entitlements exist and what each one includes."""

    tier_ranks: dict[str, int]
    course_tiers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> Catalogue:
        return cls(
            tier_ranks={t.slug: t.rank for t in snapshot.tiers},
            course_tiers={c.slug: c.tier for c in snapshot.courses},
        )

    def check(self, entitlement: str) -> None:
        if entitlement.startswith("course:"):
            if entitlement.removeprefix("course:") not in self.course_tiers:
                raise ValueError(f"unknown course in entitlement {entitlement!r}")
        elif entitlement not in self.tier_ranks:
            known = ", ".join(sorted(t for t, r in self.tier_ranks.items() if r > 0))
            raise ValueError(
                f"unknown entitlement {entitlement!r}; use a tier ({known}) or course:SLUG"
            )

    def included(self, entitlements: list[str]) -> list[str]:
        """Every entitlement that the given ones open, sorted."""
        opened: set[str] = set()
        for entitlement in entitlements:
            self.check(entitlement)
            if entitlement.startswith("course:"):
                opened.add(entitlement)
                continue
            rank = self.tier_ranks[entitlement]
            opened.update(t for t, r in self.tier_ranks.items() if 0 < r <= rank)
            opened.update(
                f"course:{course}"
                for course, tier in self.course_tiers.items()
                if self.tier_ranks.get(tier, 0) <= rank
            )
        return sorted(opened)


@dataclass(frozen=True)
class TokenClaims:
    member: str
    entitlements: list[str]
    issued_at: dt.datetime
    expires_at: dt.datetime
    epochs: list[int]
    keys: dict[str, dict[str, str]]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: SiteSecret, signed: str) -> str:
    key = derive_key(secret, "token-signing", 0, purpose="token")
    return _b64(hmac.new(key, signed.encode(), hashlib.sha256).digest())


def issue_token(
    secret: SiteSecret,
    catalogue: Catalogue,
    *,
    member: str,
    entitlements: list[str],
    expires_at: dt.datetime,
    epoch_days: int,
    now: dt.datetime | None = None,
) -> str:
    """A signed token carrying the keys of the current and the next epoch."""
    now = now or dt.datetime.now(dt.UTC)
    if not member.strip():
        raise ValueError("the member's e-mail is empty")
    if expires_at <= now:
        raise ValueError("the expiry is in the past")
    included = catalogue.included(entitlements)
    current = key_epoch(now.timestamp(), epoch_days)
    keys = {
        str(epoch): {e: _b64(derive_key(secret, e, epoch)) for e in included}
        for epoch in (current, current + 1)
    }
    payload: dict[str, Any] = {
        "v": 1,
        "sub": member.strip(),
        "ent": sorted(set(entitlements)),
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "keys": keys,
    }
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    signed = f"{PREFIX}.{body}"
    return f"{signed}.{_signature(secret, signed)}"


def read_token(secret: SiteSecret, token: str, now: dt.datetime | None = None) -> TokenClaims:
    """Check the signature and expiry; raises :class:`TokenError` saying what is wrong."""
    now = now or dt.datetime.now(dt.UTC)
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise TokenError(
            "damaged", "this is not a Studyhall access token (expected sh1.<payload>.<signature>)"
        )
    try:
        payload = json.loads(_unb64(parts[1]))
        claims = TokenClaims(
            member=str(payload["sub"]),
            entitlements=list(payload["ent"]),
            issued_at=dt.datetime.fromtimestamp(int(payload["iat"]), dt.UTC),
            expires_at=dt.datetime.fromtimestamp(int(payload["exp"]), dt.UTC),
            epochs=sorted(int(e) for e in payload["keys"]),
            keys=dict(payload["keys"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise TokenError("damaged", f"the token's payload cannot be read ({error})") from error
    if not hmac.compare_digest(parts[2], _signature(secret, f"{parts[0]}.{parts[1]}")):
        raise TokenError("forged", "the token's signature does not match this site's secret")
    if claims.expires_at <= now:
        raise TokenError("expired", f"the token expired on {claims.expires_at:%Y-%m-%d %H:%M} UTC")
    return claims
