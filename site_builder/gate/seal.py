"""AES-256-GCM for members-only sections, bound to their page and position."""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def section_aad(page_id: str, index: int) -> bytes:
    """Additional data that stops a section from being moved to another page or slot."""
    return f"{page_id}#{index}".encode()


def seal_section(key: bytes, page_id: str, index: int, plaintext: str) -> tuple[str, str]:
    """Encrypt one section; returns (nonce, ciphertext), both base64url.

    The nonce is derived from the key, the position and the text, so the same
    input always gives the same bytes (reproducible builds) while different
    texts never share a nonce under one key.
    """
    data = plaintext.encode()
    aad = section_aad(page_id, index)
    nonce = hmac.new(key, aad + b"\0" + data, hashlib.sha256).digest()[:12]
    return _b64(nonce), _b64(AESGCM(key).encrypt(nonce, data, aad))


def open_section(key: bytes, page_id: str, index: int, nonce: str, ciphertext: str) -> str:
    """Decrypt one section; raises ``cryptography.exceptions.InvalidTag`` on any tampering."""
    plain = AESGCM(key).decrypt(_unb64(nonce), _unb64(ciphertext), section_aad(page_id, index))
    return plain.decode()
