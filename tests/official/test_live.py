"""Gladia's official SDKs complete live sessions against the emulator: gladiaio-sdk's sync and async live
clients (with warnings as errors, but one the sync client itself causes) and @gladiaio/sdk's, each streaming
a registered recording with real-time and post-processing add-ons.

The official SDKs are installed at test time into environments of their own (`tests/_official.py`: cached by
version, never into ours); a test skips, saying why, when the package registry cannot be reached or node is
missing. Gladia's own clients judge the emulator's messages: every one parses into their types, and the
Python one keeps no field its types do not know.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gladia.testing import Emulator
from tests._official import DRIVERS, JS_SDK_VERSION, official_js, official_python, run_driver
from tests.conftest import make_wav

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

TEXT = "Hello there. How are you today?"
FINALS = ["Hello there.", "How are you today?"]
OPTIONS = {
    "encoding": "wav/pcm",
    "sample_rate": 16000,
    "bit_depth": 16,
    "channels": 1,
    "messages_config": {"receive_final_transcripts": True, "receive_lifecycle_events": True},
    "realtime_processing": {
        "translation": True,
        "translation_config": {"target_languages": ["fr"]},
        "named_entity_recognition": True,
        "sentiment_analysis": True,
    },
    "post_processing": {"summarization": True, "chapterization": True},
}


def configure(emu: Emulator, directory: Path) -> tuple[Path, bytes]:
    """A recording registered with `emu`, and a driver config that streams its samples; the config's path
    and the audio streamed."""
    recording = directory / "hello.wav"
    recording.write_bytes(make_wav(4.0, tone=True))
    emu.transcripts.add(recording, TEXT)  # no script: the emulator recognises the recording streamed
    audio = recording.read_bytes()[44:]  # its 4 s of 16 kHz, 16-bit mono samples
    (directory / "audio.raw").write_bytes(audio)
    config = {"url": emu.url, "key": emu.api_key, "audio": str(directory / "audio.raw"), "options": OPTIONS}
    path = directory / "live.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path, audio


def check_session(report: dict[str, Any], emu: Emulator, audio: bytes) -> None:
    """What every official client must have seen of the session, and what the emulator kept of it."""
    assert report["ended"] is True and report["errors"] == []
    assert report["finals"] == FINALS
    assert report["types"][-4:] == [
        "post_transcript",
        "post_summarization",
        "post_final_transcript",
        "end_session",
    ]
    assert "post_chapterization" not in report["types"]  # deprecated and ignored: the SDKs would refuse it
    # Each real-time add-on answered each final with data, and the summary came after the recording.
    addons = Counter(kind for kind, ok in report["addons"] if ok)
    assert addons == {
        "translation": 2,
        "named_entity_recognition": 2,
        "sentiment_analysis": 2,
        "post_summarization": 1,
    }
    assert all(ok for _, ok in report["addons"]), report["addons"]
    samples = report["samples"]
    assert samples["translation"]["translated_utterance"]["text"] == "[fr] Hello there."
    assert samples["post_summarization"]["results"] == TEXT
    assert samples["sentiment_analysis"]["results"][0]["sentiment"] == "neutral"
    session = emu.live.session(report["session_id"])
    assert session is not None and session["status"] == "done"
    assert session["result"]["transcription"]["full_transcript"] == TEXT
    assert emu.live.audio(report["session_id"]) == audio  # every byte, once


def test_the_official_python_sdk_sync_and_async_completes_live_sessions_with_add_ons(
    emu: Emulator, tmp_path: Path
) -> None:
    python = official_python()
    config, audio = configure(emu, tmp_path)
    # Warnings are errors, but for one the official sync live client itself causes: it opens its socket
    # with websockets' connect() outside a `with`, which websockets 17 deprecates at the first send; as an
    # error, that send fails inside the client (which hides it) and no audio is ever sent.
    allowed = "ignore:connect() must be used as a context manager:DeprecationWarning"
    report = run_driver(
        [str(python), "-W", "error", "-W", allowed, str(DRIVERS / "live_driver.py"), str(config)]
    )
    for mode in ("sync", "async"):
        check_session(report[mode], emu, audio)
        assert report[mode]["unknown_fields"] == [], mode  # every field is one its types know
    assert report["sync"]["session_id"] != report["async"]["session_id"]


def test_the_official_javascript_sdk_completes_a_live_session_with_add_ons(
    emu: Emulator, tmp_path: Path
) -> None:
    node, installed = official_js()
    config, audio = configure(emu, tmp_path)
    # Node resolves the SDK from the script's own directory: run a copy placed beside the install.
    driver = installed / f"live-driver-{tmp_path.name}.mjs"
    shutil.copyfile(DRIVERS / "js_live_driver.mjs", driver)
    try:
        report = run_driver([str(node), str(driver), str(config)], cwd=installed)
    finally:
        driver.unlink(missing_ok=True)
    assert report["sdk"] == JS_SDK_VERSION
    assert report["warnings"] == []
    check_session(report, emu, audio)
