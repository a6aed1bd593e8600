"""Reading a finished job's fields, as Gladia's docs do, and typed options built ahead of a call."""

from gladia import GladiaClient, webhooks
from gladia.types import DoneJob, TranscribeOptions, TranscriptionOptions
from gladia_api.models import TranscriptionLanguageCodeEnum, UtteranceDTO, WordDTO


def read(job: DoneJob) -> None:
    transcription = job.result.transcription
    first = transcription.utterances[0]
    word = first.words[0]
    start: float = word.start
    end: float = word.end
    confidence: float = word.confidence
    text: str = first.text + word.word
    channel: int = first.channel
    language: str = first.language.value
    print(start, end, confidence, text, channel, language, first.speaker)
    print(transcription.full_transcript.upper(), [str(code) for code in transcription.languages])
    duration: float = job.result.metadata.audio_duration
    print(duration, job.id, job.status.value, job.created_at.isoformat())


def upload() -> float:
    client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded()
    upload_response = client.upload_file("YOUR_LOCAL_PATH")
    url: str = upload_response.audio_url
    print(url)
    return upload_response.audio_metadata.audio_duration


def options_ahead() -> None:
    client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded()
    options: TranscribeOptions = {
        "model": "solaria-1",
        "diarization": True,
        "diarization_config": {"min_speakers": 1, "max_speakers": 3},
        "subtitles": True,
        "subtitles_config": {"formats": ["srt", "vtt"], "style": "compliance"},
        "translation": True,
        "translation_config": {"target_languages": ["fr", "wo"], "model": "enhanced"},
        "custom_vocabulary": True,
        "custom_vocabulary_config": {"vocabulary": ["Gladia", {"value": "Solaria", "intensity": 0.5}]},
        "pii_redaction": True,
        "pii_redaction_config": {"entity_types": ["GDPR", "EMAIL_ADDRESS"], "processed_text_type": "MASK"},
        "custom_metadata": {"user": 42, "tags": ["a"]},
    }
    read(client.transcribe("meeting.wav", options))
    # The generated enums' members stand for their values.
    read(
        client.transcribe(
            "meeting.wav", {"language_config": {"languages": [TranscriptionLanguageCodeEnum.EN]}}
        )
    )
    create: TranscriptionOptions = {"audio_url": "https://example.com/a.wav", **options}
    read(client.create_and_poll(create))
    job = client.get("job-id")  # any status: its result may be missing
    print(job.result)


def receive(body: bytes, headers: dict[str, str]) -> str:
    event = webhooks.construct_event(body, headers, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    if isinstance(event, webhooks.LiveSessionEnded):
        return f"live session {event.job_id} ended"
    if isinstance(event, webhooks.LiveEvent):
        return event.event
    if isinstance(event, webhooks.TranscriptionSucceeded):
        client = GladiaClient(api_key="YOUR_GLADIA_API_KEY")
        return webhooks.fetch_job(event, client).result.transcription.full_transcript  # a DoneJob
    if isinstance(event, webhooks.TranscriptionCreated):
        return fetch(event.job_id)
    return event.job_id


def fetch(job_id: str) -> str:
    job = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded().poll(job_id)
    return job.result.transcription.full_transcript


def build() -> list[WordDTO]:
    # Models built by hand (as a test double would): `words` is a keyword like any other field.
    utterance = UtteranceDTO(
        start=0.0,
        end=1.0,
        channel=0,
        words=[WordDTO(word="Hi", start=0.0, end=1.0, confidence=1.0)],
        text="Hi",
        language=TranscriptionLanguageCodeEnum.EN,
    )
    utterance.words = [*utterance.words, WordDTO(word=" there", start=1.0, end=1.5, confidence=0.9)]
    return utterance.words
