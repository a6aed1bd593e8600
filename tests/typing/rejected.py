"""Options that both type checkers must reject: each line marked `# rejected`, and no other."""

from gladia import GladiaClient, LiveSession
from gladia_api.models import SpeechStartMessage, TranscriptMessage

client = GladiaClient(api_key="YOUR_GLADIA_API_KEY").prerecorded()

client.transcribe("a.wav", {"languag_config": {"languages": ["en"]}})  # rejected
client.transcribe("a.wav", {"language_config": {"languages": ["english"]}})  # rejected
client.transcribe("a.wav", {"language_config": {"language": ["en"]}})  # rejected
client.transcribe("a.wav", {"diarization": "yes"})  # rejected
client.transcribe("a.wav", {"diarization_config": {"min_speakers": "2"}})  # rejected
client.transcribe("a.wav", {"subtitles_config": {"formats": ["srt", "ass"]}})  # rejected
client.transcribe("a.wav", {"audio_url": "https://example.com/a.wav"})  # rejected
client.create({"language_config": {"languages": ["en"]}})  # rejected
client.create({"audio_url": 3})  # rejected
client.create_and_poll({"audio_url": "u", "callback_config": {"url": "u", "method": "GET"}})  # rejected
client.create_and_poll({"audio_url": "u", "callback_config": {"method": "POST"}})  # rejected
client.create_and_poll({"audio_url": "u", "translation_config": {"target_languages": ["xx"]}})  # rejected
client.create_and_poll({"audio_url": "u", "custom_vocabulary_config": {"vocabulary": [1]}})  # rejected
client.create_and_poll({"audio_url": "u", "model": "solaria-2"})  # rejected
print(client.get("job-id").result.transcription)  # rejected
client.list({"limt": 10})  # rejected
client.list({"status": ["finished"]})  # rejected
client.poll("job-id", interval="5")  # rejected


def speech_start(message: SpeechStartMessage) -> None:
    print(message.data.time)


def subscribe(session: LiveSession) -> None:
    session.on("transcrpt", print)  # rejected
    session.on(TranscriptMessage, speech_start)  # rejected
    session.on("speech_start", lambda message: message.data.utterance)  # rejected
    session.on(dict, print)  # rejected
