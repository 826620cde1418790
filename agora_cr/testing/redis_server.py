"""A throwaway ``redis-server`` on a free loopback port, for tests of a fleet sharing one budget.

::

    from agora_cr.testing import RedisServer

    with RedisServer() as redis_server:          # needs the redis-server program (Debian: redis-server)
        limiter = RedisRateLimiter(redis_server.url)
        redis_server.stop()                       # Redis down: limiters fall back to local pacing
        redis_server.start()                      # back on the same port

Nothing is saved to disk; its files live in a temporary directory removed on :meth:`close`.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from types import TracebackType


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """``redis-server`` on ``127.0.0.1`` in a temporary directory (``executable`` found on ``PATH``)."""

    def __init__(self, executable: str = "redis-server", port: int | None = None) -> None:
        path = shutil.which(executable)
        if path is None:
            raise FileNotFoundError(f"{executable} not found (Debian/Ubuntu: apt-get install redis-server)")
        self.executable = path
        self.port = port or _free_port()
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """``redis://127.0.0.1:PORT/0``."""
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        """True while the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 10.0) -> RedisServer:
        """Start it (again, on the same port) and wait until it accepts connections."""
        if self.running:
            return self
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="agora-cr-redis-")
        command = [
            self.executable,
            *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", self._dir.name),
            *("--save", "", "--appendonly", "no", "--protected-mode", "yes"),
        ]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"redis-server exited with status {self._process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                pass
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port} within {timeout:g}s")

    def stop(self) -> None:
        """Stop the server (its port refuses connections until :meth:`start`)."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)

    def close(self) -> None:
        """Stop the server and remove its directory."""
        self.stop()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
