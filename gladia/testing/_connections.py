"""Open connections by client address, so a fault can reset one with a real TCP RST.

ASGI gives an application no handle on its socket. uvicorn takes the protocol class as configuration, so the
emulator runs a subclass of its h11 protocol that records each connection's transport under the client's
address (the `client` of the ASGI scope). A reset sets `SO_LINGER` to (on, 0 seconds) and aborts the
transport: the kernel then answers with RST instead of a clean close, and the client sees a connection
error, as when a load balancer drops a request.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

Peer = tuple[str, int]


class Connections:
    """The live connections of one server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_peer: dict[Peer, H11Protocol] = {}

    def protocol_class(self) -> type[H11Protocol]:
        """An h11 protocol class that registers its connections here (pass it as `uvicorn.Config(http=...)`)."""
        registry = self

        class RegisteringH11Protocol(H11Protocol):
            def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
                super().connection_made(transport)
                if self.client is not None:
                    registry._add(self.client, self)

            def connection_lost(self, exc: Exception | None) -> None:
                if self.client is not None:
                    registry._remove(self.client, self)
                super().connection_lost(exc)

        return RegisteringH11Protocol

    async def reset(self, client: Any) -> bool:
        """Reset the connection of the client at `client` (the ASGI scope's `client`); False if it is gone."""
        if not client:
            return False
        with self._lock:
            protocol = self._by_peer.get((client[0], client[1]))
        if protocol is None:
            return False
        transport = protocol.transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
        # Let uvicorn see the connection is lost before the application returns, so it does not try to answer.
        for _ in range(3):
            await asyncio.sleep(0)
        return True

    def _add(self, peer: Peer, protocol: H11Protocol) -> None:
        with self._lock:
            self._by_peer[peer] = protocol

    def _remove(self, peer: Peer, protocol: H11Protocol) -> None:
        with self._lock:
            if self._by_peer.get(peer) is protocol:
                del self._by_peer[peer]
