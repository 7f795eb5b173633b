"""Listening: the socket (loopback unless allowed otherwise) and uvicorn serving the app on it.

Part of ``jixiao/serve``; ``jixiao serve`` calls :func:`serve`. The socket is bound here, before
uvicorn starts, so port 0 (any free port) works and the real address can be printed; a
non-loopback address is refused unless the settings allow it (the CLI: an explicit ``--host``),
and then a warning is printed.
"""
from __future__ import annotations

import socket
import sys
from typing import Callable, Optional

from jixiao.serve.settings import ServeSettings, check_host


def bind(settings: ServeSettings) -> socket.socket:
    """A listening socket on the settings' host and port (raises RemoteRefused, OSError)."""
    check_host(settings)
    infos = socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def make_server(settings: ServeSettings):
    """(uvicorn.Server, socket): call ``server.run(sockets=[sock])``; ``server.should_exit = True`` stops it."""
    import uvicorn

    from jixiao.serve.app import create_app

    sock = bind(settings)
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=5)
    return uvicorn.Server(config), sock


def serve(settings: ServeSettings, announce: Optional[Callable[[str], None]] = None) -> int:
    """Serve until interrupted (Ctrl-C). Returns an exit status."""
    warning = check_host(settings)
    if warning:
        print(f"jixiao serve: {warning}", file=sys.stderr)
    server, sock = make_server(settings)
    port = sock.getsockname()[1]
    (announce or (lambda url: print(f"jixiao serve: open {url} in a browser (Ctrl-C stops)", file=sys.stderr)))(
        settings.url(port))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
