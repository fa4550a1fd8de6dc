"""The secret a LAN address needs: random, compared in constant time, never written to a log."""

from __future__ import annotations

import hmac
import secrets

TOKEN_BYTES = 16  # 128 bits: not guessable over a network


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_matches(given: str | None, expected: str) -> bool:
    """In constant time, so a wrong guess says nothing of how near it came."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
