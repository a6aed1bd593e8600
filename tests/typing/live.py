"""The live API's code as the README and the docs show it: iteration and typed subscriptions, sync and async."""

import asyncio

from gladia import AsyncGladiaClient, GladiaClient, LiveCallbackError, LiveMessage, UnknownLiveMessage
from gladia_api.models import SpeechStartMessage, TranscriptMessage


def iterate(chunks: list[bytes]) -> None:
    live = GladiaClient(api_key="YOUR_GLADIA_API_KEY").live()
    with live.start_session({"sample_rate": 16000, "language_config": {"languages": ["en"]}}) as session:
        for chunk in chunks:
            session.send_audio(chunk)
        session.stop_recording()
        for message in session:
            if isinstance(message, TranscriptMessage) and message.data.is_final:
                print(message.data.utterance.text)


def subscribe(chunks: list[bytes]) -> None:
    live = GladiaClient(api_key="YOUR_GLADIA_API_KEY").live()

    def on_final(message: TranscriptMessage) -> None:
        if message.data.is_final:
            print(message.data.utterance.text)

    with live.start_session({"messages_config": {"receive_partial_transcripts": True}}) as session:
        session.on(TranscriptMessage, on_final)
        session.on(TranscriptMessage, lambda m: print(m.data.is_final, m.data.utterance.text))
        session.on("speech_start", lambda message: print("speech at", message.data.time))
        stop_logging = session.on("message", lambda message: print(type(message).__name__))
        for chunk in chunks:
            session.send_audio(chunk)
        stop_logging()


def log(message: LiveMessage) -> None:
    if isinstance(message, UnknownLiveMessage):
        print("a kind this SDK does not know yet:", message.type_, dict(message.raw))


def speech_start(message: SpeechStartMessage) -> float:
    return message.data.time


async def subscribe_async(chunks: list[bytes]) -> None:
    live = AsyncGladiaClient(api_key="YOUR_GLADIA_API_KEY").live()

    async def on_transcript(message: TranscriptMessage) -> None:
        await asyncio.sleep(0)
        print(message.data.utterance.text)

    try:
        async with await live.start_session() as session:
            session.on("transcript", on_transcript)
            session.on(SpeechStartMessage, speech_start)
            session.on("message", log)
            session.on(UnknownLiveMessage, log)
            for chunk in chunks:
                await session.send_audio(chunk)
    except LiveCallbackError as error:
        print("a callback failed:", error.__cause__)
