"""Sections open only with the right key, on the right page, in the right slot."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag
from hypothesis import given
from hypothesis import strategies as st

from site_builder.gate.keys import SiteSecret, derive_key
from site_builder.gate.seal import open_section, seal_section

SECRET = SiteSecret(b"k" * 48, "environment")


def test_a_sealed_section_opens_with_its_key() -> None:
    key = derive_key(SECRET, "pro", 7)
    nonce, ciphertext = seal_section(key, "lesson:rust/traits", 0, "Secret 秘密 text")

    assert open_section(key, "lesson:rust/traits", 0, nonce, ciphertext) == "Secret 秘密 text"
    assert "Secret" not in ciphertext


def test_a_section_moved_to_another_page_or_slot_does_not_open() -> None:
    key = derive_key(SECRET, "pro", 7)
    nonce, ciphertext = seal_section(key, "lesson:rust/traits", 0, "text")

    with pytest.raises(InvalidTag):
        open_section(key, "lesson:rust/ownership", 0, nonce, ciphertext)
    with pytest.raises(InvalidTag):
        open_section(key, "lesson:rust/traits", 1, nonce, ciphertext)


def test_a_tampered_ciphertext_does_not_open() -> None:
    key = derive_key(SECRET, "member", 7)
    nonce, ciphertext = seal_section(key, "article:a", 0, "text")
    flipped = ("A" if ciphertext[0] != "A" else "B") + ciphertext[1:]

    with pytest.raises(InvalidTag):
        open_section(key, "article:a", 0, nonce, flipped)


def test_keys_differ_by_entitlement_epoch_and_secret() -> None:
    keys = {
        derive_key(SECRET, "member", 7),
        derive_key(SECRET, "pro", 7),
        derive_key(SECRET, "member", 8),
        derive_key(SiteSecret(b"other" * 10, "environment"), "member", 7),
    }
    assert len(keys) == 4


def test_the_wrong_tier_key_does_not_open() -> None:
    nonce, ciphertext = seal_section(derive_key(SECRET, "pro", 7), "article:a", 0, "text")

    with pytest.raises(InvalidTag):
        open_section(derive_key(SECRET, "member", 7), "article:a", 0, nonce, ciphertext)


@given(st.text(min_size=0, max_size=400), st.integers(min_value=0, max_value=50))
def test_sealing_round_trips_and_is_reproducible(text: str, index: int) -> None:
    key = derive_key(SECRET, "member", 3)
    first = seal_section(key, "article:x", index, text)

    assert first == seal_section(key, "article:x", index, text)
    assert open_section(key, "article:x", index, *first) == text
