"""Messages left unread are bounded: partials are dropped first, then the session fails, loudly.

Against the emulator over loopback WebSockets; one pure test of the inbox itself.
"""

from __future__ import annotations

import itertools
import json
import logging
import time
from collections.abc import Iterator

import pytest

from gladia import AsyncGladiaClient, GladiaClient, LiveQueueFullError
from gladia.live._inbox import Inbox
from gladia.live._messages import message_cost
from gladia.testing import Emulator
from gladia_api import models as M
from tests.live.streams import SECOND, finals

pytestmark = pytest.mark.timeout(60)

_WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
#: 30 sentences over 60 s of audio: with partials on, some 290 partials (~210 KB of JSON) and ~100 KB of
#: every other kind.
SENTENCES = [" ".join(_WORDS[i % 10 :] + _WORDS[: i % 10])[:60].capitalize() + "." for i in range(30)]
LONG = bytes(62 * SECOND)
PARTIALS = {"receive_partial_transcripts": True, "receive_acknowledgments": False}
CHUNK = 3200  # 100 ms: a partial for about every word
ACKS = ("audio_chunk", "stop_recording")


@pytest.fixture
def client(emu: Emulator) -> Iterator[GladiaClient]:
    emu.live.say(" ".join(SENTENCES), duration=60)
    with GladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


def sent(emu: Emulator, session_id: str) -> list[str]:
    return emu.live.session(session_id)["result"]["messages"]  # type: ignore[index,no-any-return]


def is_partial(raw: str) -> bool:
    message = json.loads(raw)
    return message["type"] == "transcript" and not message["data"]["is_final"]


def test_a_caller_who_never_reads_loses_only_partials(
    emu: Emulator, client: GladiaClient, caplog: pytest.LogCaptureFixture
) -> None:
    bound = 1_200_000  # by message_cost: the finals and the rest fit (~1 MB), not the partials too (~2 MB)
    with client.live().start_session({"messages_config": PARTIALS}, max_unread_bytes=bound) as session:
        for start in range(0, len(LONG), CHUNK):
            session.send_audio(LONG[start : start + CHUNK])
            assert session._inbox.bytes <= bound  # memory stays bounded while nobody reads
        session.stop_recording()
        assert session.wait_until_ended(30)
        assert session._inbox.bytes <= bound
        messages = list(session)  # read only now, after the end
    # The messages sent (acknowledgments were not asked for): over the bound, but not without the partials.
    stored = [raw for raw in sent(emu, session.id) if json.loads(raw)["type"] not in ACKS]
    partials = [raw for raw in stored if is_partial(raw)]
    assert (
        sum(map(message_cost, stored))
        > bound
        > sum(message_cost(raw) for raw in stored if not is_partial(raw))
    )
    assert finals(messages) == SENTENCES  # no final lost
    kept = [m for m in messages if isinstance(m, M.TranscriptMessage) and not m.data.is_final]
    assert 0 < len(kept) < len(partials)
    assert session._inbox.dropped_partials == len(partials) - len(kept)
    hidden = len(LONG) // CHUNK + 1 + 4  # acknowledgments and lifecycle events: the SDK's, not the caller's
    assert len(messages) + session._inbox.dropped_partials == emu.live.counters.messages_sent - hidden
    assert [r.levelno for r in caplog.records if "partial transcripts are being dropped" in r.message] == [
        logging.WARNING
    ]


def test_a_caller_who_never_reads_finals_gets_a_typed_error_not_a_silent_loss(
    emu: Emulator, client: GladiaClient
) -> None:
    bound = 60_000  # the acknowledgments alone (one per chunk, ~1.9 KB each by message_cost) outgrow it
    session = client.live().start_session(max_unread_bytes=bound)
    messages: list[object] = []

    def stream_then_read() -> None:
        with session:
            for start in range(0, len(LONG), CHUNK):
                session.send_audio(LONG[start : start + CHUNK])
                assert (
                    session._inbox.bytes <= bound + 12_000
                )  # at most the message that overflowed (a final: ~11 KB), over
            session.stop_recording()
            session.wait_until_ended(30)
            messages.extend(session)

    # Raised by send_audio() if the reader overflowed while the audio was going out, else by the iteration.
    with pytest.raises(LiveQueueFullError) as caught:
        stream_then_read()
    text = str(caught.value)
    assert caught.value.session_id == session.id
    assert "max_unread_bytes (60000)" in text and "session.on()" in text and "messages_config" in text
    # What was received stays readable (then the same error): every acknowledgment, none skipped.
    with pytest.raises(LiveQueueFullError):
        messages.extend(session)
    ranges = [m.data.byte_range for m in messages if isinstance(m, M.AudioChunkAckMessage) and m.data]
    assert len(ranges) > 20 and ranges[0][0] == 0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    # The session closed its socket: Gladia ended it with the audio it had.
    deadline = time.monotonic() + 5
    while emu.live.session(session.id)["status"] != "done":  # type: ignore[index]
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_caller_who_only_subscribes_keeps_nothing_queued(emu: Emulator, client: GladiaClient) -> None:
    bound = 1_000  # smaller than a single final: any queueing would fail the session
    texts: list[str] = []
    with client.live().start_session(max_unread_bytes=bound) as session:  # acknowledgments on: many messages
        session.on(M.TranscriptMessage, lambda m: texts.append(m.data.utterance.text))
        for start in range(0, len(LONG), CHUNK):
            session.send_audio(LONG[start : start + CHUNK])
            assert len(session._inbox) == 0
    assert texts == SENTENCES
    assert list(session) == []  # nobody iterated: nothing was kept


def test_the_async_session_is_bounded_the_same_way(emu: Emulator) -> None:
    import asyncio

    emu.live.say(" ".join(SENTENCES), duration=60)

    async def main() -> None:
        async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
            session = await gladia.live().start_session(max_unread_bytes=60_000)

            async def stream() -> None:
                async with session:
                    for start in range(0, len(LONG), CHUNK):
                        await session.send_audio(LONG[start : start + CHUNK])

            with pytest.raises(LiveQueueFullError):
                await stream()
            assert session._inbox.bytes <= 72_000
            with pytest.raises(LiveQueueFullError):
                _ = [m async for m in session]

            texts: list[str] = []
            session = await gladia.live().start_session(
                {"messages_config": PARTIALS}, max_unread_bytes=1_200_000
            )
            async with session:
                for start in range(0, len(LONG), CHUNK):
                    await session.send_audio(LONG[start : start + CHUNK])
                await session.stop_recording()
                assert await session.wait_until_ended(30)
                texts = finals([m async for m in session])
            assert texts == SENTENCES and session._inbox.dropped_partials > 0

    asyncio.run(main())


def _ack() -> M.AudioChunkAckMessage:
    return M.AudioChunkAckMessage.from_dict(
        {
            "type": "audio_chunk",
            "session_id": "s",
            "created_at": "2026-01-01T00:00:00Z",
            "acknowledged": True,
            "error": None,
            "data": {"byte_range": [0, 1], "time_range": [0, 0.1]},
        }
    )


def _transcript(final: bool) -> M.TranscriptMessage:
    return M.TranscriptMessage.from_dict(
        {
            "type": "transcript",
            "session_id": "s",
            "created_at": "2026-01-01T00:00:00Z",
            "data": {
                "id": "u",
                "is_final": final,
                "utterance": {
                    "start": 0,
                    "end": 1,
                    "confidence": 1,
                    "channel": 0,
                    "words": [],
                    "text": "x",
                    "language": "en",
                },
            },
        }
    )


def test_the_inbox_drops_the_oldest_partials_first_and_never_anything_else() -> None:
    inbox = Inbox(max_bytes=100)
    first, second, final = _transcript(False), _transcript(False), _transcript(True)
    assert inbox.put(first, 40) and inbox.put(_ack(), 30) and inbox.put(second, 30)
    assert inbox.put(final, 30)  # 130 > 100: the oldest partial goes
    assert inbox.dropped_partials == 1 and inbox.bytes == 90
    assert inbox.get() is not first and len(inbox) == 2  # the ack came out
    assert inbox.get() is second and inbox.get() is final and inbox.get() is None
    assert inbox.bytes == 0
    full = Inbox(max_bytes=50)
    assert full.put(_ack(), 40) and not full.put(_ack(), 40)  # nothing to drop: the caller must be told
    assert len(full) == 2  # and nothing received was thrown away
    assert Inbox(max_bytes=10).put(final, 500)  # one large message alone is still taken
    with pytest.raises(ValueError, match="max_unread_bytes"):
        Inbox(max_bytes=0)
