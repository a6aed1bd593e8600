"""`from gladia import GladiaClient` imports only what making a client needs (bench row 2 measures the cost).

Each check runs in a fresh interpreter. Modules that `import httpx` itself loads (its command line, when
rich and click are installed) are not held against gladia.
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Loaded on first use, never by importing the client: the sockets' deadline wrappers (httpcore, which
#: httpx also imports only when a client is made), "did you mean" hints, the live client and its
#: WebSocket library, webhooks, the job models.
LAZY = (
    "httpcore",
    "gladia._core.sockets",
    "difflib",
    "websockets",
    "gladia.live._client_sync",
    "gladia.live._client_async",
    "gladia.live._session",
    "gladia.webhooks",
    "gladia_api.models.pre_recorded_response",
    "importlib.resources",
)


def loaded_by(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout))


def test_importing_the_client_leaves_the_rest_for_first_use() -> None:
    by_httpx = loaded_by("import httpx")
    by_gladia = loaded_by("from gladia import GladiaClient")
    early = [name for name in LAZY if name in by_gladia and name not in by_httpx]
    assert early == [], f"imported by `from gladia import GladiaClient`: {early}"


def test_making_a_client_loads_the_socket_deadlines() -> None:
    # The other side of the laziness: the sync transport still gets its deadline-keeping sockets.
    loaded = loaded_by("from gladia import GladiaClient\nGladiaClient(api_key='k').close()")
    assert "gladia._core.sockets" in loaded
