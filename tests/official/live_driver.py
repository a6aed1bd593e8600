"""Run by the interpreter of a virtual environment holding Gladia's official SDK (gladiaio-sdk), never by ours.

    python _official_live.py API_URL API_KEY RAW_AUDIO

Streams the raw 16 kHz, 16-bit mono audio with the official SDK's live client in frames of 100 ms, stops
the recording, waits for the session to end, and prints one JSON object: whether it ended, the session id,
the final transcripts, the types of every message, and any error the SDK reported.
"""

import json
import sys
import threading

from gladiaio_sdk import GladiaClient

FRAME_BYTES = 3200


def main() -> None:
    url, key, audio_path = sys.argv[1:4]
    with open(audio_path, "rb") as file:
        audio = file.read()
    live = GladiaClient(api_key=key, api_url=url).live_v2()
    session = live.start_session(
        {
            "encoding": "wav/pcm",
            "sample_rate": 16000,
            "bit_depth": 16,
            "channels": 1,
            "messages_config": {"receive_final_transcripts": True, "receive_lifecycle_events": True},
            "realtime_processing": {"sentiment_analysis": True},
            "post_processing": {"summarization": True, "chapterization": True},
        }
    )
    finals, types, errors, addon_data = [], [], [], []
    ended = threading.Event()

    def on_message(message):
        types.append(message.type)
        if message.type == "transcript" and message.data.is_final:
            finals.append(message.data.utterance.text)
        if message.type in ("sentiment_analysis", "post_summarization"):
            addon_data.append([message.type, message.data is not None and message.error is None])

    session.on("message", on_message)
    session.on("error", lambda error: errors.append(repr(error)))
    session.on("ended", lambda _: ended.set())
    for start in range(0, len(audio), FRAME_BYTES):
        session.send_audio(audio[start : start + FRAME_BYTES])
    session.stop_recording()
    done = ended.wait(30)
    result = {
        "ended": done,
        "session_id": session.session_id,
        "finals": finals,
        "types": types,
        "errors": errors,
        "addon_data": addon_data,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
