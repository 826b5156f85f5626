"""A show being timed and a sharing of its desk, for the server, command line and browser
tests: injected clocks (a studio's wall clock, a monotonic clock for the timer's process and one
for the desk's), the host's timer writing its events to the run log as the window does, and
plain HTTP on loopback to read a page's stream and send its calls."""

import contextlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.run_log import RunLog
from liveplanner.core.clock import SegmentTimer, timer_segments
from liveplanner.core.enums import RunKind
from liveplanner.storage import shows
from liveplanner.storage.database import Database

T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)
WAIT_S = 10.0  # the most any test waits for a page or a stream: a bound, not a pace


class Clocks:
    def __init__(self) -> None:
        self.at = 0.0

    def timer_now(self) -> float:
        return 1000.0 + self.at

    def desk_now(self) -> float:
        return 5.0 + self.at

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.at)


class HostsTimer:
    """The host's window: a timer whose events go to the run log."""

    def __init__(self, db: Database, show_id: int, clocks: Clocks) -> None:
        plan = shows.load_plan(db, show_id)
        self.timer = SegmentTimer(timer_segments(plan), clocks.timer_now, clocks.wall)
        self.log = RunLog(db, show_id, RunKind.REHEARSAL)

    def press(self, action: str) -> None:
        self.log.write(getattr(self.timer, action)())


def desk(db: Database, show_id: int, clocks: Clocks) -> LiveDesk:
    return LiveDesk(db, show_id, now=clocks.desk_now, wall=clocks.wall)


def request(
    url: str,
    method: str = "GET",
    body: bytes | Iterable[bytes] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes]:
    """The answer's status and body; an iterable body is sent in chunks, with no length."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=WAIT_S)
    try:
        chunked = body is not None and not isinstance(body, bytes)
        connection.request(
            method, parts.path or "/", body=body, headers=headers or {}, encode_chunked=chunked
        )
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def post(url: str, data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    status, body = request(
        url, "POST", json.dumps(data).encode(), {"Content-Type": "application/json"}
    )
    return status, json.loads(body)


class Stream:
    """A page's event stream, read as the page's EventSource would."""

    def __init__(self, page: str) -> None:
        parts = urlsplit(page + "events")
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=WAIT_S)
        self.connection.request("GET", parts.path)
        self.response = self.connection.getresponse()

    def view(self) -> dict[str, Any]:
        """The next view pushed."""
        while True:
            line = self.response.readline()
            if not line:
                raise EOFError("the stream ended")
            if line.startswith(b"data: "):
                return json.loads(line[6:])

    def until(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first view pushed that is `wanted`, within WAIT_S."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            view = self.view()
            if wanted(view):
                return view
        raise AssertionError("no such view within the wait")

    def close(self) -> None:
        self.connection.close()


class Wifi:
    """The studio's Wi-Fi between a page and the server: a loopback relay whose connections can
    be dropped, and new ones refused, until it is back."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def link(self, url: str) -> str:
        """`url` as a device on this Wi-Fi opens it."""
        parts = urlsplit(url)
        return parts._replace(netloc=f"127.0.0.1:{self.port}").geturl()

    def _accept(self) -> None:
        while True:
            try:
                device, _ = self.listener.accept()
            except OSError:
                return  # closed
            if not self.up:
                device.close()
                continue
            server = socket.create_connection(self.target)
            with self.lock:
                self.open += [device, server]
            for a, b in ((device, server), (server, device)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass  # dropped
        finally:
            for end in (source, sink):
                end.close()

    def drop(self) -> None:
        self.up = False
        with self.lock:
            for end in self.open:
                # shutdown, not only close: it wakes the relay's threads blocked in recv()
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            self.open.clear()

    def back(self) -> None:
        self.up = True

    def close(self) -> None:
        self.drop()
        self.listener.close()
