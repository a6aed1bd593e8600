"""The emulator's pytest plugin: every test can ask for `gladia_emulator`, a fresh local Gladia."""

pytest_plugins = ["gladia.testing.pytest_plugin"]
