"""gladiaio-sdk's common calls, as its README and docstrings write them, with `from gladia import`."""

import asyncio

from gladia import GladiaClient

gladia_client = GladiaClient(api_key="YOUR_GLADIA_API_KEY", http_headers={"X-Team": "audio"})
prerecorded = gladia_client.pre_recorded_v2()

transcription = prerecorded.transcribe(
    "audio.mp3", {"language_config": {"languages": ["en"]}}, interval=5, timeout=600
)
print(transcription.result.transcription.full_transcript)

job = prerecorded.create({"audio_url": prerecorded.upload_file("audio.mp3").audio_url})
done = gladia_client.pre_recorded().poll(job.id, interval=2.5, timeout=None)
print(done.result.transcription.utterances[0].text)
audio: bytes = prerecorded.get_file(job.id)
page = prerecorded.list({"limit": 10, "offset": 0, "status": ["done"], "custom_metadata": {"user": "a"}})
for item in page.items:
    print(item.id, item.status)
prerecorded.delete(job.id)


async def main() -> None:
    async_prerecorded = gladia_client.pre_recorded_v2_async()
    result = await async_prerecorded.transcribe("audio.mp3", interval=1.0, timeout=120)
    print(result.result.transcription.full_transcript)
    first = await gladia_client.pre_recorded_async().list({"limit": 5, "after_date": "2026-01-01"})
    for item in first.items:
        print(item.id)
    print(len(await async_prerecorded.get_file(result.id)))


asyncio.run(main())
