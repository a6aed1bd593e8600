"""Bad input, one table: each case raises its own exception class with a message naming the problem and the
fix, and when the SDK can know before the network, the emulator's counters prove nothing was sent."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from gladia import GladiaClient, errors
from gladia.testing import Emulator
from tests.conftest import make_wav

JOB_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab"
GOOD_OPTIONS: dict[str, Any] = {"language_config": {"languages": ["en"]}}


@attrs.frozen
class Case:
    name: str
    action: Callable[[Emulator, Path], object]
    error: type[Exception]
    says: tuple[str, ...]  # the problem, and what to do about it
    offline: bool = True  # the SDK can tell before sending anything


def client(emu: Emulator, **kwargs: Any) -> GladiaClient:
    settings: dict[str, Any] = {"api_key": emu.api_key, "api_url": emu.url, **kwargs}
    return GladiaClient(**settings)


def transcribe(emu: Emulator, source: object, options: object = None, **kwargs: Any) -> object:
    with client(emu) as gladia:
        return gladia.prerecorded().transcribe(source, options, **kwargs)  # type: ignore[arg-type]


def wav(tmp: Path) -> Path:
    path = tmp / "ok.wav"
    path.write_bytes(make_wav(0.5))
    return path


def closed_file(tmp: Path) -> object:
    handle = wav(tmp).open("rb")
    handle.close()
    return handle


class Unreadable(io.RawIOBase):
    """A binary stream whose reads fail, as on a broken disk or a revoked network share."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise OSError(5, "Input/output error")


CASES = [
    # --- the API key
    Case(
        "key missing",
        lambda emu, tmp: GladiaClient(api_url=emu.url),
        errors.ConfigurationError,
        ("No Gladia API key", "GLADIA_API_KEY"),
    ),
    Case(
        "key empty",
        lambda emu, tmp: GladiaClient(api_key="", api_url=emu.url),
        errors.ConfigurationError,
        ("api_key is empty", "pass your Gladia API key"),
    ),
    Case(
        "key whitespace",
        lambda emu, tmp: GladiaClient(api_key=" \t", api_url=emu.url),
        errors.ConfigurationError,
        ("only whitespace", "pass your Gladia API key"),
    ),
    Case(
        "key with spaces",
        lambda emu, tmp: GladiaClient(api_key="ab cd", api_url=emu.url),
        errors.ConfigurationError,
        ("contains spaces", "copy the key again"),
    ),
    Case(
        "key wrong",
        lambda emu, tmp: GladiaClient(api_key="wrong-key", api_url=emu.url).prerecorded().get(JOB_ID),
        errors.AuthenticationError,
        ("401", "Check the API key"),
        offline=False,
    ),
    # --- the API URL
    Case(
        "api_url malformed",
        lambda emu, tmp: GladiaClient(api_key="k", api_url="http://[::1"),
        errors.ConfigurationError,
        ("is not a valid URL",),
    ),
    Case(
        "api_url not http(s)",
        lambda emu, tmp: GladiaClient(api_key="k", api_url="ftp://api.gladia.io"),
        errors.ConfigurationError,
        ("must start with https://", "api.gladia.io"),
    ),
    Case(
        "api_url without scheme",
        lambda emu, tmp: GladiaClient(api_key="k", api_url="api.gladia.io"),
        errors.ConfigurationError,
        ("must start with https://",),
    ),
    Case(
        "api_url plain http to a remote host",
        lambda emu, tmp: GladiaClient(api_key="k", api_url="http://api.gladia.io"),
        errors.ConfigurationError,
        ("plain http to a remote host", "use https://", "allow_insecure_http=True"),
    ),
    # --- timeouts and retries
    Case(
        "client timeout negative",
        lambda emu, tmp: client(emu, timeout=-1),
        errors.ConfigurationError,
        ("timeout must be a positive number of seconds", "None for no limit"),
    ),
    Case(
        "client timeout zero",
        lambda emu, tmp: client(emu, timeout=0),
        errors.ConfigurationError,
        ("timeout must be a positive number of seconds",),
    ),
    Case(
        "poll timeout zero",
        lambda emu, tmp: transcribe(emu, wav(tmp), wait_timeout=0),
        errors.ConfigurationError,
        ("timeout must be a positive number of seconds", "None to wait without limit"),
    ),
    Case(
        "poll timeout negative",
        lambda emu, tmp: client(emu).prerecorded().poll(JOB_ID, wait_timeout=-5),
        errors.ConfigurationError,
        ("timeout must be a positive number of seconds",),
    ),
    Case(
        "max_retries negative",
        lambda emu, tmp: client(emu, max_retries=-1),
        errors.ConfigurationError,
        ("max_retries must be a whole number >= 0",),
    ),
    # --- the source
    Case(
        "source missing",
        lambda emu, tmp: transcribe(emu, tmp / "nope.wav"),
        errors.InvalidSourceError,
        ("No such file", "relative paths start at"),
    ),
    Case(
        "source is a directory",
        lambda emu, tmp: transcribe(emu, tmp),
        errors.InvalidSourceError,
        ("is a directory", "pass one audio file"),
    ),
    Case(
        "source empty",
        lambda emu, tmp: transcribe(emu, b""),
        errors.InvalidSourceError,
        ("is empty (0 bytes)",),
    ),
    Case(
        "source empty file",
        lambda emu, tmp: (tmp / "e.wav").write_bytes(b"") or transcribe(emu, tmp / "e.wav"),
        errors.InvalidSourceError,
        ("is empty (0 bytes)", "pass a recording"),
    ),
    Case(
        "source unreadable",
        lambda emu, tmp: transcribe(emu, io.BufferedReader(Unreadable())),
        errors.InvalidSourceError,
        ("Cannot read", "Input/output error"),
    ),
    Case(
        "source not a regular file",
        lambda emu, tmp: os.mkfifo(tmp / "pipe") or transcribe(emu, tmp / "pipe"),
        errors.InvalidSourceError,
        ("is not a regular file", "open it and pass the stream"),
    ),
    Case(
        "source closed file object",
        lambda emu, tmp: transcribe(emu, closed_file(tmp)),
        errors.InvalidSourceError,
        ("is closed", "open it again"),
    ),
    Case(
        "source text-mode file object",
        lambda emu, tmp: transcribe(emu, io.StringIO("RIFF")),
        errors.InvalidSourceError,
        ("text mode", "open(path, 'rb')"),
    ),
    Case(
        "source not audio",
        lambda emu, tmp: transcribe(emu, b"These are meeting notes, not a recording.\n"),
        errors.InvalidSourceError,
        ("does not look like audio or video", "looks like text"),
    ),
    Case(
        "source larger than the limit",
        lambda emu, tmp: client(emu, max_upload_bytes=1000).prerecorded().transcribe(wav(tmp)),
        errors.InvalidSourceError,
        ("above the", "split or compress it"),
    ),
    Case(
        "source of an unsupported type",
        lambda emu, tmp: transcribe(emu, 42),
        errors.InvalidSourceError,
        ("Unsupported audio source of type int", "http(s) URL"),
    ),
    Case(
        "URL with ftp scheme",
        lambda emu, tmp: transcribe(emu, "ftp://example.com/a.wav"),
        errors.InvalidSourceError,
        ("Unsupported URL scheme 'ftp'", "pass its local path"),
    ),
    Case(
        "URL without host",
        lambda emu, tmp: transcribe(emu, "https:///a.wav"),
        errors.InvalidSourceError,
        ("has no host", "https://example.com/audio.wav"),
    ),
    # --- the options
    Case(
        "option unknown",
        lambda emu, tmp: transcribe(emu, wav(tmp), {"languag_config": {}}),
        errors.InvalidOptionsError,
        ("languag_config: not an option", "did you mean 'language_config'?"),
    ),
    Case(
        "option wrong type",
        lambda emu, tmp: transcribe(emu, wav(tmp), {"diarization": "yes"}),
        errors.InvalidOptionsError,
        ("diarization: expected true or false", "got a string 'yes'"),
    ),
    Case(
        "option bad enum",
        lambda emu, tmp: transcribe(emu, wav(tmp), {"language_config": {"languages": ["english"]}}),
        errors.InvalidOptionsError,
        ("'english' is not a language code", "did you mean 'en'?"),
    ),
    Case(
        "callback without URL",
        lambda emu, tmp: transcribe(emu, wav(tmp), {"callback": True}),
        errors.InvalidOptionsError,
        ("callback: true needs a URL", '"callback_config": {"url"'),
    ),
    Case(
        "callback URL not http(s)",
        lambda emu, tmp: transcribe(
            emu, wav(tmp), {"callback": True, "callback_config": {"url": "ftp://x.io/cb"}}
        ),
        errors.InvalidOptionsError,
        ("callback_config.url: 'ftp://x.io/cb' is not an http(s) URL", "reach it over http(s)"),
    ),
    Case(
        "callback method GET",
        lambda emu, tmp: transcribe(
            emu, wav(tmp), {"callback": True, "callback_config": {"url": "https://x.io/cb", "method": "GET"}}
        ),
        errors.InvalidOptionsError,
        ("callback_config.method: 'GET' is not one of POST, PUT",),
    ),
    Case(
        "options not a dict",
        lambda emu, tmp: transcribe(emu, wav(tmp), ["en"]),
        errors.InvalidOptionsError,
        ("options must be a dict",),
    ),
    Case(
        "audio given twice",
        lambda emu, tmp: transcribe(emu, wav(tmp), {"audio_url": "https://x.io/a.wav"}),
        errors.InvalidOptionsError,
        ("given twice", "remove it from options"),
    ),
    # --- the job id
    Case(
        "job id empty",
        lambda emu, tmp: client(emu).prerecorded().get(""),
        errors.InvalidJobIdError,
        ("job id is empty", "pass the id returned by create()"),
    ),
    Case(
        "job id not a UUID",
        lambda emu, tmp: client(emu).prerecorded().get("my-job"),
        errors.InvalidJobIdError,
        ("is not a Gladia job id", "UUIDs such as"),
    ),
    Case(
        "job id ../upload",
        lambda emu, tmp: client(emu).prerecorded().delete("../upload"),
        errors.InvalidJobIdError,
        ("characters of a path or URL", "pass only the id"),
    ),
    Case(
        "job id with a slash",
        lambda emu, tmp: client(emu).prerecorded().get(JOB_ID + "/file"),
        errors.InvalidJobIdError,
        ("characters of a path or URL",),
    ),
    Case(
        "job id with a query",
        lambda emu, tmp: client(emu).prerecorded().poll(JOB_ID + "?x=1"),
        errors.InvalidJobIdError,
        ("characters of a path or URL",),
    ),
    Case(
        "job id not a string",
        lambda emu, tmp: client(emu).prerecorded().get(12),
        errors.InvalidJobIdError,
        ("must be a string",),
    ),
]


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input(case: Case, emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GLADIA_API_KEY", raising=False)
    monkeypatch.delenv("GLADIA_API_URL", raising=False)
    with pytest.raises(case.error) as caught:
        case.action(emu, tmp_path)
    assert type(caught.value) is case.error
    message = str(caught.value)
    for fragment in case.says:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert emu.api_key not in message and emu.api_key not in repr(caught.value)
    if case.offline:
        assert sum(emu.counters.requests.values()) == 0, "the SDK could tell, yet something was sent"
    assert emu.counters.jobs_created == 0
