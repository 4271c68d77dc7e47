"""The dashboard process's fix to Streamlit's listening socket (``dashboard.serve._listen_as_tcp``), on real sockets."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from lawgraph.dashboard import serve
from streamlit.web.server.starlette import starlette_server


@pytest.fixture
def original_bind() -> Iterator[Any]:
    """Streamlit's own ``_bind_socket``, put back after the test (the fix replaces it for the process)."""
    bind = starlette_server._bind_socket
    yield getattr(bind, "__wrapped__", bind)
    starlette_server._bind_socket = bind


def accepted_nodelay(listening: socket.socket) -> int:
    """TCP_NODELAY on the connection asyncio accepts on ``listening`` (as uvicorn serves it) from a client."""
    async def serve_one() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Record(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Record, sock=listening)
        async with server:
            port = listening.getsockname()[1]
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            result = await asyncio.wait_for(seen, 10)
            writer.close()
            return result

    return asyncio.run(serve_one())


def test_streamlit_listening_socket_leaves_connections_without_nodelay(original_bind: Any) -> None:
    """Why the fix exists: Streamlit's socket has protocol 0, so asyncio skips TCP_NODELAY on its connections
    (if this fails, Streamlit binds differently now and ``_listen_as_tcp`` can go)."""
    listening = original_bind("127.0.0.1", 0, 8)
    assert listening.proto == 0
    assert accepted_nodelay(listening) == 0


def test_listen_as_tcp_gives_every_connection_nodelay(original_bind: Any) -> None:
    serve._listen_as_tcp()
    serve._listen_as_tcp()  # a second call does not wrap twice
    assert starlette_server._bind_socket.__wrapped__ is original_bind
    listening = starlette_server._bind_socket("127.0.0.1", 0, 8)
    assert listening.proto == socket.IPPROTO_TCP
    assert not listening.getblocking()  # as Streamlit made it
    assert accepted_nodelay(listening) == 1
