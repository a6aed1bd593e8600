"""pytest fixtures for testing code that calls Gladia, against a local Gladia emulator.

Enable it in a `conftest.py`:

    pytest_plugins = ["gladia.testing.pytest_plugin"]

    def test_transcribes(gladia_emulator):
        gladia_emulator.transcripts.add(Path("hello.wav"), "Hello.")
        client = MyApp(base_url=gladia_emulator.url, api_key=gladia_emulator.api_key)
        ...

`gladia_emulator` is a fresh, running emulator for each test. To change its configuration, override
`gladia_emulator_config` in a conftest or test module:

    @pytest.fixture
    def gladia_emulator_config():
        return EmulatorConfig(processing_seconds=0.5, webhook_secret="whsec_...")
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gladia.testing._config import EmulatorConfig
from gladia.testing._server import Emulator


@pytest.fixture
def gladia_emulator_config() -> EmulatorConfig:
    """The configuration of `gladia_emulator`; override this fixture to change it."""
    return EmulatorConfig()


@pytest.fixture
def gladia_emulator(gladia_emulator_config: EmulatorConfig) -> Iterator[Emulator]:
    """A running Gladia emulator, stopped (and its files removed) after the test."""
    with Emulator(gladia_emulator_config) as running:
        yield running
