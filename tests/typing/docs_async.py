"""The async snippets of Gladia's docs: the same calls, awaited."""

import asyncio

from gladia import AsyncGladiaClient, GladiaClient


async def upload_create_then_poll() -> None:
    async with AsyncGladiaClient(api_key="YOUR_GLADIA_API_KEY") as client:
        gladia_client = client.prerecorded()
        upload_response = await gladia_client.upload_file("YOUR_LOCAL_PATH")
        print(upload_response.audio_url, upload_response.audio_metadata.audio_duration)
        job = await gladia_client.create(
            {"audio_url": upload_response.audio_url, "language_config": {"languages": ["en"]}}
        )
        result = await gladia_client.poll(job.id)
        print(result.result.transcription.full_transcript)
        again = await gladia_client.create_and_poll(
            {"audio_url": "YOUR_AUDIO_URL", "callback": True,
             "callback_config": {"url": "https://...", "method": "POST"}}
        )
        for utterance in again.result.transcription.utterances:
            print(utterance.start, utterance.end, utterance.text, utterance.language)


async def main() -> None:
    gladia_client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded_async()
    transcription = await gladia_client.transcribe("YOUR_AUDIO_URL_OR_LOCAL_PATH", {
        "language_config": {"languages": ["en", "fr"], "code_switching": True},
        "custom_vocabulary": True,
        "custom_vocabulary_config": {"vocabulary": ["Gladia", "Solaria", "Salesforce"]},
    })
    print(transcription.result.transcription.full_transcript)


asyncio.run(main())
