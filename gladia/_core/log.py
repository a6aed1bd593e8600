"""The `gladia` logger, switched on by GLADIA_LOG=debug|info when a client is made (never at import)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

from gladia._core import constants as C

logger = logging.getLogger(C.LOGGER_NAME)

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def configure_from_env(environ: Mapping[str, str] | None = None) -> None:
    """Honour GLADIA_LOG, unless the application already configured the `gladia` logger itself."""
    value = (os.environ if environ is None else environ).get(C.LOG_ENV, "").strip().lower()
    level = _LEVELS.get(value)
    if level is None or logger.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s gladia %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def redacted_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers safe to log: the API key (and any other credential) is replaced."""
    secret = {C.API_KEY_HEADER, "authorization", "cookie", "proxy-authorization"}
    return {name: ("<redacted>" if name.lower() in secret else value) for name, value in headers.items()}
