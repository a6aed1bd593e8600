"""AsyncGladiaClient(...).live(): the async session against the emulator, over real loopback WebSockets."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from gladia import AsyncGladiaClient
from gladia.errors import InvalidOptionsError, LiveConnectionError, LiveSessionClosedError
from gladia.testing import Emulator
from gladia_api import models as M
from tests.live.streams import TEXT, audio_of, finals

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[AsyncGladiaClient]:
    async with AsyncGladiaClient(api_key=emu.api_key, api_url=emu.url) as gladia:
        yield gladia


async def test_a_session_streams_and_yields_typed_messages(emu: Emulator, client: AsyncGladiaClient) -> None:
    emu.live.say(TEXT)
    audio = audio_of(3)
    async with await client.live().start_session(
        {"messages_config": {"receive_lifecycle_events": True}}
    ) as session:
        for start in range(0, len(audio), 3200):
            await session.send_audio(audio[start : start + 3200])
        await session.stop_recording()
        messages = [message async for message in session]
    assert isinstance(messages[0], M.StartSessionMessage) and isinstance(messages[-1], M.EndSessionMessage)
    assert finals(messages) == ["Hello there.", "How are you today?"]
    assert emu.live.audio(session.id) == audio
    job = await client.live().get(session.id)
    assert job.status == M.JobStatusEnum.DONE


async def test_dropped_connections_resume_with_no_audio_lost_or_repeated(
    emu: Emulator, client: AsyncGladiaClient
) -> None:
    emu.live.say(TEXT)
    emu.live.drop_after(40_000, code=1011, times=3)
    audio = audio_of(8)
    async with await client.live().start_session() as session:
        for start in range(0, len(audio), 3200):
            await session.send_audio(audio[start : start + 3200])
        await session.stop_recording()
        messages = [message async for message in session]
    assert finals(messages) == ["Hello there.", "How are you today?"]
    assert emu.live.audio(session.id) == audio
    counters = emu.live.counters
    assert counters.connections == 4
    assert counters.bytes_received - counters.bytes_discarded == len(audio)


async def test_a_final_close_fails_with_a_typed_error(emu: Emulator, client: AsyncGladiaClient) -> None:
    emu.live.drop_after(1000, code=4001)
    session = await client.live().start_session()
    try:
        await session.send_audio(audio_of(0.5))
        with pytest.raises(LiveConnectionError) as caught:
            _ = [message async for message in session]
        assert caught.value.close_code == 4001
    finally:
        await session.close()


async def test_cancelling_the_task_closes_the_session(emu: Emulator, client: AsyncGladiaClient) -> None:
    started = asyncio.Event()

    async def stream() -> None:
        async with await client.live().start_session() as session:
            await session.send_audio(audio_of(1))
            streams.append(session)
            started.set()
            async for _ in session:  # waits for messages that will not come before the cancellation
                pass
            await asyncio.sleep(30)

    streams: list[object] = []
    task = asyncio.create_task(stream())
    await started.wait()
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    session = streams[0]
    assert session._reader.done()  # type: ignore[attr-defined]
    with pytest.raises(LiveSessionClosedError):
        await session.send_audio(b"late")  # type: ignore[attr-defined]
    for _ in range(500):
        if emu.live.session(session.id)["status"] == "done":  # type: ignore[attr-defined,index]
            break
        await asyncio.sleep(0.01)
    assert emu.live.audio(session.id) == audio_of(1)  # type: ignore[attr-defined]


async def test_bad_options_are_refused_before_anything_is_sent(
    emu: Emulator, client: AsyncGladiaClient
) -> None:
    with pytest.raises(InvalidOptionsError, match="bit_depth"):
        await client.live().start_session({"bit_depth": 12})
    assert emu.counters.requests["POST /v2/live"] == 0


async def test_rest_methods(emu: Emulator, client: AsyncGladiaClient) -> None:
    live = client.live()
    async with await live.start_session() as session:
        await session.send_audio(audio_of(1))
    created = await live.create({"custom_metadata": {"k": "v"}})
    assert [job.id async for job in live.list()] == [created.id, session.id]
    await live.patch(created.id, {"custom_metadata": {"k": "w"}})
    assert (await live.download_bytes(session.id))[44:] == audio_of(1)
    await live.delete(session.id)
    assert [job.id async for job in live.list(status=["done"])] == []
