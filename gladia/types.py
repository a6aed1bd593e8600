"""The static types of the SDK's surface: transcription options as TypedDicts, and the job poll() returns.

Options are plain dicts, exactly as in Gladia's docs; these TypedDicts let mypy and pyright check them and
IDEs complete their keys, with no change at run time::

    from gladia.types import TranscriptionOptions

    options: TranscriptionOptions = {"audio_url": url, "language_config": {"languages": ["en"]}}
    job = client.create_and_poll(options)
    print(job.result.transcription.full_transcript)  # a done job: no None or Unset to check

- `TranscriptionOptions`: what `create()` and `create_and_poll()` take (`audio_url` is required);
- `TranscribeOptions`: what `transcribe(source, options)` takes: the same keys but `audio_url`, which the
  source gives;
- `DoneJob`: what `poll()`, `transcribe()` and `create_and_poll()` return: a `PreRecordedResponse` whose
  `result` and `result.transcription` are always there (checked before it is returned);
- every nested configuration (`LanguageConfigParams`, `CallbackConfigParams`, ...) and each enum as a
  `Literal` (`TranscriptionLanguageCodeLiteral`, `SubtitlesFormatLiteral`, ...): here, or all of them in
  `gladia_api.params`.

A dict built at run time (from JSON, say) is a `dict[str, Any]`, which a type checker does not take for a
TypedDict: annotate it, or `cast(TranscriptionOptions, options)`. The options are checked again at run time
either way ("did you mean ...?"), before anything is sent.

All of it is generated from openapi/gladia.yaml (`gladia_api.params`, `gladia_api.narrowed`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from gladia_api.params import (
    AudioToLlmListConfigParams,
    CallbackMethodLiteral,
    CustomSpellingConfigParams,
    CustomVocabularyConfigParams,
    CustomVocabularyEntryParams,
    DiarizationConfigParams,
    InitTranscriptionRequestOptionalParams,
    InitTranscriptionRequestParams,
    LanguageConfigParams,
    PiiRedactionConfigParams,
    PiiRedactionEntityTypeLiteral,
    PreRecordedTranscriptionModelLiteral,
    StructuredDataExtractionConfigParams,
    SubtitlesConfigParams,
    SubtitlesFormatLiteral,
    SubtitlesStyleLiteral,
    SummarizationConfigParams,
    SummaryTypesLiteral,
    TranscriptionLanguageCodeLiteral,
    TranslationConfigParams,
    TranslationLanguageCodeLiteral,
    TranslationModelLiteral,
)
from gladia_api.params import (
    CallbackConfigDtoParams as CallbackConfigParams,  # the pre-recorded one (live has its own)
)

if TYPE_CHECKING:
    from gladia_api.narrowed import DonePreRecordedResponse, DoneTranscriptionResultDTO

    DoneJob = DonePreRecordedResponse
    """What poll(), transcribe() and create_and_poll() return: a `PreRecordedResponse` whose `result` and
    `result.transcription` are always there. At run time, `PreRecordedResponse` itself."""
    DoneResult = DoneTranscriptionResultDTO
    """The `result` of a DoneJob: a `TranscriptionResultDTO` whose `transcription` is always there."""

TranscriptionOptions = InitTranscriptionRequestParams
"""The options of create() and create_and_poll(), as a dict: `audio_url` is required, every other key of
Gladia's transcription request is optional. A TypedDict: plain dicts at run time."""
TranscribeOptions = InitTranscriptionRequestOptionalParams
"""The options of transcribe(source, options): TranscriptionOptions without `audio_url`, which the source
gives."""


class ListParams(TypedDict, total=False):
    """gladiaio-sdk's `list(params)` dict, which `list()` also takes: each key is the keyword of the same
    name, but `limit` (`page_size`), `offset` (where the listing starts). Any other key is refused."""

    offset: int
    limit: int
    date: _dt.datetime | _dt.date | str
    before_date: _dt.datetime | _dt.date | str
    after_date: _dt.datetime | _dt.date | str
    status: str | Sequence[Literal["queued", "processing", "done", "error"]]
    custom_metadata: Mapping[str, Any]


# At run time the narrowed views are the models themselves, loaded on first use: importing this module for
# the option types does not load every model.
_NARROWED = {
    "DoneJob": "DonePreRecordedResponse",
    "DoneResult": "DoneTranscriptionResultDTO",
    "DonePreRecordedResponse": "DonePreRecordedResponse",
    "DoneTranscriptionResultDTO": "DoneTranscriptionResultDTO",
}


def __getattr__(name: str) -> Any:
    if name not in _NARROWED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from gladia_api import narrowed  # noqa: PLC0415

    value = getattr(narrowed, _NARROWED[name])
    globals()[name] = value
    return value


__all__ = [
    "TranscriptionOptions",
    "TranscribeOptions",
    "ListParams",
    "DoneJob",
    "DoneResult",
    "AudioToLlmListConfigParams",
    "CallbackConfigParams",
    "CustomSpellingConfigParams",
    "CustomVocabularyConfigParams",
    "CustomVocabularyEntryParams",
    "DiarizationConfigParams",
    "LanguageConfigParams",
    "PiiRedactionConfigParams",
    "StructuredDataExtractionConfigParams",
    "SubtitlesConfigParams",
    "SummarizationConfigParams",
    "TranslationConfigParams",
    "CallbackMethodLiteral",
    "PiiRedactionEntityTypeLiteral",
    "PreRecordedTranscriptionModelLiteral",
    "SubtitlesFormatLiteral",
    "SubtitlesStyleLiteral",
    "SummaryTypesLiteral",
    "TranscriptionLanguageCodeLiteral",
    "TranslationLanguageCodeLiteral",
    "TranslationModelLiteral",
    "InitTranscriptionRequestParams",
    "InitTranscriptionRequestOptionalParams",
    "DonePreRecordedResponse",
    "DoneTranscriptionResultDTO",
]
