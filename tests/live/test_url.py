"""The check of a live session's WebSocket URL, made before anything is sent to it (pure: no sockets)."""

from __future__ import annotations

import httpx
import pytest

from gladia.errors import ConfigurationError, LiveURLError
from gladia.live._url import allowed_hosts_of, check_live_url, redact

GLADIA = httpx.URL("https://api.gladia.io")
EMULATOR = httpx.URL("http://127.0.0.1:8765")
TOKEN = "4a39145c-2844-4557-8f34-34883f7be7d9"


@pytest.mark.parametrize(
    ("url", "api"),
    [
        (f"wss://api.gladia.io/v2/live?token={TOKEN}", GLADIA),
        (f"wss://API.Gladia.io./v2/live?token={TOKEN}", GLADIA),  # the same host, written otherwise
        (f"wss://api.gladia.io:8443/v2/live?token={TOKEN}", GLADIA),  # another port of the same host
        (f"ws://127.0.0.1:8765/v2/live?token={TOKEN}", EMULATOR),  # the emulator
        (f"ws://localhost:9000/v2/live?token={TOKEN}", EMULATOR),  # a loopback API: any loopback host
        (f"wss://127.0.0.1:8765/v2/live?token={TOKEN}", EMULATOR),
        (f"ws://[::1]:8765/v2/live?token={TOKEN}", httpx.URL("http://[::1]:8765")),
    ],
)
def test_urls_on_the_apis_host_are_used_as_given(url: str, api: httpx.URL) -> None:
    assert check_live_url(url, api, session_id="s") == url


@pytest.mark.parametrize(
    ("url", "api", "says"),
    [
        (
            f"ws://api.gladia.io/v2/live?token={TOKEN}",
            GLADIA,
            "plain ws:// while the API is reached over https",
        ),
        (
            f"wss://gladia.example/v2/live?token={TOKEN}",
            GLADIA,
            "points at gladia.example, not at the API's host",
        ),
        (f"ws://10.0.0.7/v2/live?token={TOKEN}", EMULATOR, "points at 10.0.0.7"),
        (f"wss://api.gladia.io.evil.example/x?token={TOKEN}", GLADIA, "not at the API's host"),
        (f"https://api.gladia.io/v2/live?token={TOKEN}", GLADIA, "not a WebSocket URL"),
        ("", GLADIA, "not a WebSocket URL"),
        ("not a url", GLADIA, "spaces"),
        (f"wss://api.gladia.io/v2/live?token={TOKEN}\n", GLADIA, "control characters"),
        (f"ws://[::1/v2/live?token={TOKEN}", EMULATOR, "cannot be read (Invalid IPv6 URL)"),
        (f"ws://127.0.0.1:99999/v2/live?token={TOKEN}", EMULATOR, "cannot be read (Port out of range"),
        (f"wss:///v2/live?token={TOKEN}", GLADIA, "has no host"),
        (f"wss://user:pw@api.gladia.io/v2/live?token={TOKEN}", GLADIA, "carries credentials"),
        ("wss://api.gladia.io/" + "a" * 9000, GLADIA, "too long"),
        (12, GLADIA, "not a string (int)"),
        (None, GLADIA, "not a string (NoneType)"),
    ],
)
def test_other_urls_are_refused_naming_why_without_the_token(url: object, api: httpx.URL, says: str) -> None:
    with pytest.raises(LiveURLError) as caught:
        check_live_url(url, api, session_id="s")
    error = caught.value
    assert says in str(error) and "Nothing was sent to it" in str(error)
    assert TOKEN not in str(error) and TOKEN not in error.url and "pw" not in str(error)
    assert error.session_id == "s"


def test_another_host_is_used_once_the_caller_allows_it() -> None:
    url = f"wss://eu.gladia.example/v2/live?token={TOKEN}"
    assert check_live_url(url, GLADIA, allowed_hosts_of(["EU.gladia.example"]), session_id="s") == url
    assert check_live_url(url, GLADIA, allowed_hosts_of("eu.gladia.example"), session_id="s") == url
    with pytest.raises(LiveURLError, match="plain ws://"):  # allowed, but never downgraded
        check_live_url(
            url.replace("wss:", "ws:"), GLADIA, allowed_hosts_of(["eu.gladia.example"]), session_id="s"
        )


@pytest.mark.parametrize("hosts", [["https://eu.gladia.io"], ["eu.gladia.io:443"], [""], [3], 3, b"host"])
def test_allowed_hosts_must_be_host_names(hosts: object) -> None:
    with pytest.raises(ConfigurationError, match="allowed_hosts"):
        allowed_hosts_of(hosts)


def test_redact_hides_every_query_value_and_credentials() -> None:
    assert (
        redact(f"wss://u:p@h/x?token={TOKEN}&a=1#f") == "wss://<redacted>@h/x?token=<redacted>&a=<redacted>#f"
    )
    assert redact("wss://h/x") == "wss://h/x"
