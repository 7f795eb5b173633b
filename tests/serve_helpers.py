"""A real ``jixiao serve`` (uvicorn) on a free loopback port, in a thread, for the tests."""
from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

import httpx

from jixiao.serve.server import make_server
from jixiao.serve.settings import ServeSettings

FINISHED = ("done", "failed", "rejected")


@contextlib.contextmanager
def running_server(settings: ServeSettings | None = None):
    """Yields (base URL, app state); stops the server (and removes its temporary folder) after."""
    settings = settings or ServeSettings()
    server, sock = make_server(ServeSettings(**{**settings.__dict__, "host": "127.0.0.1", "port": 0}))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    host, port = sock.getsockname()[:2]
    try:
        yield f"http://{host}:{port}", server.config.loaded_app
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


def app_state(loaded_app):
    """The ServerState behind uvicorn's wrapped app."""
    app = loaded_app
    while not hasattr(app, "state") or not hasattr(app.state, "jixiao"):
        app = app.app
    return app.state.jixiao


def upload(client: httpx.Client, bid: str, path: Path, name: str | None = None) -> httpx.Response:
    return client.put(f"/api/batches/{bid}/files", params={"name": name or path.name}, content=path.read_bytes())


def wait_finished(client: httpx.Client, bid: str, timeout: float = 240) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        files = client.get(f"/api/batches/{bid}").json()["files"]
        if all(f["status"] in FINISHED for f in files):
            return files
        if time.monotonic() > deadline:
            raise AssertionError(f"not finished after {timeout} s: {files}")
        time.sleep(0.2)
