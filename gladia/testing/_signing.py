"""Standard Webhooks signatures, as Gladia signs its webhooks: the emulator's own implementation.

Written from the specification (standardwebhooks.com), not taken from the SDK's verifier
(`gladia.webhooks`), so a test that verifies the emulator's webhooks with the SDK checks one implementation
against another: `webhook-signature` is `v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`,
keyed by the base64 secret after its `whsec_` prefix.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

PREFIX = "whsec_"


def secret_bytes(secret: str) -> bytes:
    """The key of a `whsec_...` secret.

    Raises:
        ValueError: the secret is not a non-empty base64 string (with or without its prefix).
    """
    if not isinstance(secret, str):
        raise ValueError(f"the secret must be a str such as 'whsec_...', got {type(secret).__name__}")
    encoded = secret.strip().removeprefix(PREFIX)
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the secret is not valid base64: copy it whole, with its 'whsec_' prefix") from None
    if not key:
        raise ValueError("the secret is empty")
    return key


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header of one message."""
    signed = b".".join((message_id.encode(), str(timestamp).encode(), body))
    digest = hmac.new(secret_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()
