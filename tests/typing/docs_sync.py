"""The sync snippets of Gladia's docs (DEVELOPERS.md's gladia-docs blocks), as written there."""

from gladia import GladiaClient


def transcribe_in_one_call() -> None:
    gladia_client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded()
    transcription = gladia_client.transcribe("YOUR_AUDIO_URL_OR_LOCAL_PATH", {
        "language_config": {"languages": ["en", "fr"], "code_switching": True},
        "custom_vocabulary": True,
        "custom_vocabulary_config": {"vocabulary": ["Gladia", "Solaria", "Salesforce"]},
    })
    print(transcription.result.transcription.full_transcript)


def upload_create_then_poll() -> None:
    gladia_client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded()
    upload_response = gladia_client.upload_file("YOUR_LOCAL_PATH")
    print(upload_response.audio_url, upload_response.audio_metadata)
    job = gladia_client.create({"audio_url": upload_response.audio_url, "language_config": {"languages": ["en"]}})
    result = gladia_client.poll(job.id)
    print(result.result.transcription.full_transcript)


def create_and_poll_with_a_callback() -> None:
    gladia_client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded()
    result = gladia_client.create_and_poll({"audio_url": "YOUR_AUDIO_URL", "callback": True,
                                            "callback_config": {"url": "https://...", "method": "POST"}})
    print(result.result.transcription.full_transcript)
