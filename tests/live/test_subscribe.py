"""session.on(kind, callback): typed subscriptions beside iteration, sync and async, against the emulator."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from gladia import (
    AsyncGladiaClient,
    GladiaClient,
    LiveCallbackError,
    LiveSessionClosedError,
    UnknownLiveMessage,
)
from gladia.errors import ValidationError
from gladia.testing import Emulator
from gladia_api import models as M
from tests.live.streams import TEXT, audio_of, finals

pytestmark = pytest.mark.timeout(60)
EVERYTHING = {"receive_partial_transcripts": True, "receive_lifecycle_events": True}


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    emu.live.say(TEXT)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


def test_callbacks_get_their_kind_of_message_typed_on_the_reader_thread(
    emu: Emulator, client: GladiaClient
) -> None:
    seen: list[tuple[str, object, str]] = []
    where: set[str] = set()

    def record(key: str) -> object:
        def callback(message: object) -> None:
            where.add(threading.current_thread().name)
            seen.append((key, message, threading.current_thread().name))

        return callback

    with client.live().start_session({"messages_config": EVERYTHING}) as session:
        session.on("message", record("message"))
        session.on("transcript", record("transcript"))
        session.on(M.SpeechStartMessage, record("speech_start"))
        unsubscribe = session.on("end_session", record("end_session"))
        unsubscribe()
        unsubscribe()  # idempotent
        audio = audio_of(3)
        for start in range(0, len(audio), 3200):
            session.send_audio(audio[start : start + 3200])
    every = [m for key, m, _ in seen if key == "message"]
    assert every and isinstance(every[-1], M.EndSessionMessage)
    transcripts = [m for key, m, _ in seen if key == "transcript"]
    assert transcripts == [m for m in every if isinstance(m, M.TranscriptMessage)]
    assert finals(transcripts) == ["Hello there.", "How are you today?"]
    assert any(not m.data.is_final for m in transcripts if isinstance(m, M.TranscriptMessage))
    starts = [m for key, m, _ in seen if key == "speech_start"]
    assert len(starts) == 2 and all(isinstance(m, M.SpeechStartMessage) for m in starts)
    assert not [key for key, _, _ in seen if key == "end_session"]
    # In subscription order, one message at a time: "message" before "transcript" for each transcript.
    order = [key for key, m, _ in seen if isinstance(m, M.TranscriptMessage)]
    assert order == ["message", "transcript"] * len(transcripts)
    assert where == {f"gladia-live-{session.id[:8]}"}
    assert list(session) == []  # only subscribed to: nothing was kept for an iteration that never came


def test_iteration_and_callbacks_both_see_the_messages(emu: Emulator, client: GladiaClient) -> None:
    texts: list[str] = []
    with client.live().start_session() as session:
        session.on(M.TranscriptMessage, lambda m: texts.append(m.data.utterance.text))
        iterated: list[object] = []
        reader = threading.Thread(target=lambda: iterated.extend(session))
        reader.start()
        deadline = time.monotonic() + 5
        while not session._iterating:  # the iteration has begun: from now on, messages are kept for it
            assert time.monotonic() < deadline
            time.sleep(0.001)
        session.send_audio(audio_of(3))
        session.stop_recording()
        reader.join(10)
    assert texts == ["Hello there.", "How are you today?"] == finals(iterated)


@pytest.mark.parametrize(
    ("boom", "said"),
    [(ValueError("my bug"), "ValueError: my bug"), (SystemExit("bye"), "SystemExit: bye")],
    ids=["exception", "system-exit"],
)
def test_a_callback_that_raises_ends_the_session_loudly(
    emu: Emulator, client: GladiaClient, boom: BaseException, said: str
) -> None:
    def explode(message: M.TranscriptMessage) -> None:
        raise boom

    session = client.live().start_session()
    session.on("transcript", explode)

    def send_until_it_fails() -> None:
        deadline = time.monotonic() + 10
        while True:  # the next send after the failure raises it
            session.send_audio(audio_of(0.5))
            assert time.monotonic() < deadline

    with pytest.raises(LiveCallbackError) as caught:
        send_until_it_fails()
    assert caught.value.__cause__ is boom
    assert f"'transcript' raised {said}" in str(caught.value)
    assert caught.value.session_id == session.id
    with pytest.raises(LiveCallbackError):
        list(session)  # iteration says so too
    session.close()
    # The socket was closed, so Gladia ended the session.
    deadline = time.monotonic() + 5
    while emu.live.session(session.id)["status"] != "done":  # type: ignore[index]
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_failure_unseen_by_a_subscriber_is_raised_when_the_block_ends(
    emu: Emulator, client: GladiaClient
) -> None:
    def explode(message: M.EndRecordingMessage) -> None:
        raise RuntimeError("late bug")

    session = client.live().start_session({"messages_config": EVERYTHING})
    session.on(M.EndRecordingMessage, explode)
    session.send_audio(audio_of(3))
    with pytest.raises(LiveCallbackError, match="late bug") as caught:
        session.__exit__(None, None, None)  # leaving a `with` block normally
    assert isinstance(caught.value.__cause__, RuntimeError)
    with pytest.raises(LiveCallbackError):
        session.send_audio(b"x")
    # A clean session's block raises nothing.
    with client.live().start_session() as clean:
        clean.on("message", lambda m: None)
        clean.send_audio(audio_of(1))
    with pytest.raises(LiveSessionClosedError):
        clean.send_audio(b"x")


def test_subscription_keys_are_checked_at_once(emu: Emulator, client: GladiaClient) -> None:
    with client.live().start_session() as session:
        with pytest.raises(ValidationError, match="did you mean 'transcript'"):
            session.on("transcrpt", print)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="TranscriptMessage"):
            session.on(dict, print)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="callable"):
            session.on("transcript", "print")  # type: ignore[call-overload]

        async def coroutine(message: object) -> None: ...

        with pytest.raises(TypeError, match="AsyncLiveSession awaits"):
            session.on("message", coroutine)
        session.on(UnknownLiveMessage, print)  # kinds this SDK cannot read are subscribable too


def test_the_async_session_awaits_async_callbacks_in_its_reader_task(emu: Emulator) -> None:
    emu.live.say(TEXT)

    async def main() -> None:
        texts: list[str] = []
        tasks: set[str] = set()
        ended: list[M.EndSessionMessage] = []

        async def on_transcript(message: M.TranscriptMessage) -> None:
            await asyncio.sleep(0)
            task = asyncio.current_task()
            tasks.add(task.get_name() if task else "")
            if message.data.is_final:
                texts.append(message.data.utterance.text)

        async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
            async with await gladia.live().start_session({"messages_config": EVERYTHING}) as session:
                session.on("transcript", on_transcript)
                session.on(M.EndSessionMessage, ended.append)  # a plain callable works too
                await session.send_audio(audio_of(3))
            assert texts == ["Hello there.", "How are you today?"] and len(ended) == 1
            assert tasks == {f"gladia-live-{session.id[:8]}"}
            assert [m async for m in session] == []

            async def explode(message: M.TranscriptMessage) -> None:
                raise KeyError("async bug")

            failing = await gladia.live().start_session()
            failing.on(M.TranscriptMessage, explode)
            await failing.send_audio(audio_of(3))
            with pytest.raises(LiveCallbackError, match="async bug") as caught:
                await failing.__aexit__(None, None, None)  # leaving an `async with` block normally
            assert isinstance(caught.value.__cause__, KeyError)
            with pytest.raises(LiveCallbackError):
                _ = [m async for m in failing]

    asyncio.run(main())
