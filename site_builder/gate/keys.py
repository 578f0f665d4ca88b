"""One key derivation for every members-only key: HKDF-SHA256 from the site secret."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SECRET_VARIABLE = "STUDYHALL_SECRET"
DEV_SECRET_FILE = Path(".studyhall") / "dev-secret"
_SALT = b"studyhall/members/v1"


class MissingSecret(Exception):
    """A production build was asked for without a site secret in the environment."""


@dataclass(frozen=True, slots=True)
class SiteSecret:
    value: bytes
    origin: str

    @property
    def is_development(self) -> bool:
        return self.origin != "environment"


def load_secret(*, production: bool, dev_dir: Path) -> SiteSecret:
    """The secret from the environment, or a development one kept beside the project."""
    value = os.environ.get(SECRET_VARIABLE, "")
    if value:
        if len(value) < 32:
            raise MissingSecret(
                f"{SECRET_VARIABLE} is shorter than 32 characters; generate a longer one"
            )
        return SiteSecret(value.encode(), "environment")
    if production:
        raise MissingSecret(
            f"{SECRET_VARIABLE} is not set; a production build needs it "
            f"(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
        )
    path = dev_dir / DEV_SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48) + "\n")
        path.chmod(0o600)
    return SiteSecret(path.read_text().strip().encode(), str(path))


def derive_key(secret: SiteSecret, entitlement: str, epoch: int, purpose: str = "section") -> bytes:
    """A 256-bit key for one entitlement in one key epoch."""
    info = f"studyhall|{purpose}|{entitlement}|epoch:{epoch}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=info).derive(secret.value)


def key_epoch(unix_time: float, epoch_days: int) -> int:
    return int(unix_time // (epoch_days * 86400))
