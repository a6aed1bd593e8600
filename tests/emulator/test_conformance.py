"""Property-based conformance: schemathesis sends generated requests built from `openapi/gladia.yaml` to a
live emulator over HTTP, and checks that every status code, header, content type and body it answers with
is one the spec declares. The number of examples is bounded so the whole run takes seconds.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gladia.testing import Emulator
from gladia.testing._params import accepted_forms
from tests._reference import ROOT
from tests.conftest import TEST_KEY, create, make_wav, upload, wait_for_job

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

SPEC = ROOT / "openapi" / "gladia.yaml"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    ignored_auth,
]

schema = schemathesis.openapi.from_path(
    SPEC,
    config=schemathesis.Config.from_dict(
        {
            # The key goes where the spec's security scheme says, so schemathesis knows it is the credential
            # (and `ignored_auth` can check that leaving it out gets a 401).
            "auth": {"openapi": {"x_gladia_key": {"api_key": TEST_KEY}}},
            "generation": {"max-examples": 20, "deterministic": True},
            "phases": {"stateful": {"enabled": False}},
        }
    ),
)
# The spec says every query parameter of the list that is not a named one is a custom_metadata filter, so an
# "unknown" parameter is valid there; schemathesis treats it as invalid data that must be refused. The live
# list reads its query by the same rules (a filter sent empty, as Gladia's CLI sends them, is no filter).
NO_UNKNOWN_PARAMETERS = {"GET /v2/pre-recorded", "GET /v2/live"}


@pytest.fixture(scope="module")
def live(emulator_server: Emulator) -> Iterator[Emulator]:
    """The session emulator with any audio transcribable, so generated jobs finish."""
    emulator_server.reset()
    emulator_server.configure(default_transcript="Conformance. Every answer as the spec says.")
    yield emulator_server
    emulator_server.reset()


def finished_job(emu: Emulator) -> str:
    """A job that is done, with every block the emulator can fill."""
    with httpx.Client(base_url=emu.url, headers={"x-gladia-key": emu.api_key}) as client:
        job_id = create(
            client,
            audio_url=upload(client, make_wav(1.0))["audio_url"],
            subtitles=True,
            subtitles_config={"formats": ["srt", "vtt"]},
            sentences=True,
            diarization=True,
            custom_metadata={"suite": "conformance"},
        )
        wait_for_job(client, job_id)
    return job_id


def aim_at_real_jobs(case: schemathesis.Case, emu: Emulator) -> None:
    """Point a third of the generated job ids at a real job and a third at a well-formed unknown one.

    The spec types the id as a plain string, so generated ids are almost never job ids: without this, the
    200, 202 and 404 answers of the job routes would never be checked.
    """
    generated = str(case.path_parameters["id"])
    choice = zlib.crc32(generated.encode()) % 3
    if choice == 1:
        case.path_parameters["id"] = finished_job(emu)
    elif choice == 2:
        case.path_parameters["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, generated))


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_answer_conforms_to_the_spec(case: schemathesis.Case, live: Emulator) -> None:
    if case.path_parameters and "id" in case.path_parameters:
        aim_at_real_jobs(case, live)
    excluded = [negative_data_rejection] if case.operation.label in NO_UNKNOWN_PARAMETERS else []
    if isinstance(case.body, dict) and accepted_forms(case.body) != case.body:
        # One of the other forms Gladia's official SDKs send (openapi/DEVIATIONS.md): accepted on purpose.
        excluded = [negative_data_rejection]
    case.call_and_validate(base_url=live.url, checks=CHECKS, excluded_checks=excluded, timeout=10)
