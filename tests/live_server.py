"""A real uvicorn serving an app on a free loopback port, for tests and measurements over HTTP.

Shared by the API and browser suites and by ``tests/browser/explorer_traffic.py``. pytest puts
``tests/`` on ``sys.path`` (``pythonpath`` in ``pyproject.toml``), so suites import it as
``live_server`` under ``--import-mode=importlib``.
"""

from __future__ import annotations

import socket
import threading

import uvicorn


def free_port() -> int:
    """A loopback port nothing listens on right now (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    """True when nothing listens on this loopback port (it can be bound now)."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class LiveServer:
    """An ASGI app served by a real uvicorn in a background thread (on `port`, or a free one); ``url`` is its base URL."""

    def __init__(self, app, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn:{self.port}", daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        started = threading.Event()
        while not self.server.started and self.thread.is_alive():
            started.wait(0.05)
        if not self.server.started:
            raise RuntimeError(f"uvicorn did not start on {self.url}")
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join()
