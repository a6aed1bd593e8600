"""A client library for accessing Gladia pre-recorded transcription API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
