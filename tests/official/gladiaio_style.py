"""gladiaio-sdk's common pre-recorded calls, written as its README and docstrings write them.

It imports `gladiaio_sdk` and nothing of this project. tests/official/test_compat.py runs it twice: as it is, with
Gladia's official SDK, and with only the import line changed, with this SDK; both against the emulator.

Usage: python gladiaio_style.py CONFIG.json (see tests/_official.py `prepare`). Prints a one-line JSON report.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from gladiaio_sdk import GladiaClient

config = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))

gladia_client = GladiaClient(api_key=config["key"], api_url=config["url"], http_headers={"X-Team": "compat"})
prerecorded = gladia_client.pre_recorded_v2()

transcription = gladia_client.prerecorded().transcribe(
    config["audio"],
    {"language_config": {"languages": ["en"]}},
    interval=0.2,
    timeout=60,
)
uploaded = prerecorded.upload_file(config["audio"])
created = prerecorded.create({"audio_url": uploaded.audio_url})
polled = prerecorded.poll(created.id, interval=0.2, timeout=60)
audio = prerecorded.get_file(created.id)
page = prerecorded.list({"limit": 1, "offset": 0, "status": ["done"]})
fetched = prerecorded.get(created.id)
prerecorded.delete(created.id)


async def main() -> dict[str, object]:
    async_prerecorded = gladia_client.pre_recorded_v2_async()
    job = await async_prerecorded.transcribe(config["audio"], interval=0.2, timeout=60)
    again = await gladia_client.pre_recorded_async().poll(job.id, interval=0.2, timeout=60)
    async_page = await async_prerecorded.list({"limit": 1})
    async_audio = await async_prerecorded.get_file(job.id)
    return {
        "text": job.result.transcription.full_transcript,
        "polled": again.status,
        "page": len(async_page.items),
        "audio": len(async_audio),
    }


report = {
    "text": transcription.result.transcription.full_transcript,
    "status": transcription.status,
    "polled": polled.status,
    "polled_text": polled.result.transcription.full_transcript,
    "audio": len(audio),
    "page": len(page.items),
    "page_status": [item.status for item in page.items],
    "fetched": fetched.id == created.id,
    "async": asyncio.run(main()),
}
print(json.dumps(report))
