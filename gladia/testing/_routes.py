"""The emulator's routes, named `"METHOD /path/template"` exactly as in the spec (faults and counters use these).

Gladia answers the same route under other spellings: with a trailing slash (`POST /v2/upload/`, which
Gladia's CLI and samples send) and under the older `/v2/transcription` prefix (where real `result_url`s and
list links point). `canonical_path` maps each spelling to the one route, so faults and counters see one name.
"""

from __future__ import annotations

import re

UPLOAD = "POST /v2/upload"
CREATE = "POST /v2/pre-recorded"
LIST = "GET /v2/pre-recorded"
GET = "GET /v2/pre-recorded/{id}"
DELETE = "DELETE /v2/pre-recorded/{id}"
JOB_FILE = "GET /v2/pre-recorded/{id}/file"
# Not in the spec: where the `audio_url` of an upload points, as `https://api.gladia.io/file/{id}` does.
STORED_FILE = "GET /file/{id}"

#: The older spelling of `/v2/pre-recorded`, still served by Gladia (and in its list links).
ALIAS_PREFIX = "/v2/transcription"
CANONICAL_PREFIX = "/v2/pre-recorded"

ROUTES = (UPLOAD, CREATE, LIST, GET, DELETE, JOB_FILE, STORED_FILE)
ANY = "*"


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + "$")


_MATCHERS = [(route, route.split(" ", 1)[0], _pattern(route.split(" ", 1)[1])) for route in ROUTES]


def canonical_path(path: str) -> tuple[str, bool]:
    """The path as the routes spell it, and whether the request used the `/v2/transcription` alias."""
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    if path == ALIAS_PREFIX or path.startswith(ALIAS_PREFIX + "/"):
        return CANONICAL_PREFIX + path[len(ALIAS_PREFIX) :], True
    return path, False


def route_of(method: str, path: str) -> str | None:
    """The route key of a request (any spelling of its path), or None when no route serves it."""
    path = canonical_path(path)[0]
    for route, route_method, pattern in _MATCHERS:
        if route_method == method and pattern.match(path):
            return route
    return None


def check_route(route: str) -> str:
    """`route` itself when it names a route (or `*`); ValueError listing the valid names otherwise."""
    if route == ANY or route in ROUTES:
        return route
    raise ValueError(f"unknown route {route!r}; use '*' or one of: {', '.join(ROUTES)}")
