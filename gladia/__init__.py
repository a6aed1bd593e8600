"""gladia: a Python SDK for Gladia's pre-recorded speech-to-text API."""

from gladia._version import __version__

__all__ = ["__version__"]
