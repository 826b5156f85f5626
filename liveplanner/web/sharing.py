"""Sharing a show's desk on the studio network: a small web server in a thread of its own,
bound to the address the user picked, serving each role's page behind a token that is new for
each sharing. Nothing is served before start() or after stop().

The window (Run ▸ Share screens…) and `liveplanner share` both drive it; every page follows the
show's current run through the database (app.live_desk), whichever process times it."""

import asyncio
import contextlib
import ipaddress
import os
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from aiohttp import web

from liveplanner.app.database import Database
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import LiveFeed
from liveplanner.app.refusals import OperationRefused
from liveplanner.web.routes import Routes
from liveplanner.web.screens import PERSON, Tokens
from liveplanner.web.streams import Beat

STOP_WAIT_S = 5.0  # how long stop() lets a slow page's last write take before cutting it


@dataclass(frozen=True)
class SharedScreens:
    url: str  # http://ADDR:PORT/
    roles: dict[str, str]  # screen name (web.screens.SCREENS) -> its page's address and token
    feed: str = ""  # where a collector POSTs the platform's figures as JSON lines
    people: dict[str, str] = field(default_factory=dict)  # a person's name -> their page


@dataclass
class _Serving:
    loop: asyncio.AbstractEventLoop
    thread: threading.Thread
    executor: ThreadPoolExecutor
    runner: web.AppRunner | None = None
    beat: Beat | None = None
    task: "asyncio.Task[None] | None" = None


class ScreenServer:
    def __init__(
        self,
        db: Database,
        show_id: int,
        *,
        bind: str = "127.0.0.1",
        port: int = 0,
        language: str = "en",
        poll_s: float = 0.25,
        desk: LiveDesk | None = None,
        feed: LiveFeed | None = None,
    ) -> None:
        self.bind, self.port, self.language, self.poll_s = bind, port, language, poll_s
        self.desk = desk if desk is not None else LiveDesk(db, show_id)
        self.feed = feed if feed is not None else LiveFeed(self.desk)
        self._serving: _Serving | None = None
        self.shared: SharedScreens | None = None

    @property
    def running(self) -> bool:
        return self._serving is not None

    def start(self) -> SharedScreens:
        """Bind and serve; returns once the address is taken, with each screen's link. Refused
        (OperationRefused, nothing served) when the address is not one or cannot be bound."""
        if self.shared is not None:
            return self.shared
        try:
            address = ipaddress.ip_address(self.bind)
        except ValueError:
            raise OperationRefused(
                f"not an IP address: {self.bind!r}",
                code="share.bad_address",
                figures={"address": self.bind},
            ) from None
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="liveplanner-screens", daemon=True)
        # One worker: the desk's database calls (polls, ticks) run one after another.
        serving = _Serving(loop, thread, ThreadPoolExecutor(1, "liveplanner-desk"))
        thread.start()
        tokens = Tokens(tuple(p.id for p in self.desk.plan.people))
        try:
            port = asyncio.run_coroutine_threadsafe(self._open(serving, tokens), loop).result()
        except OSError as exc:
            self._close(serving)
            # The system's own words ("Address already in use"), without asyncio's wrapping.
            reason = os.strerror(exc.errno) if exc.errno else str(exc)
            raise OperationRefused(
                f"cannot serve on {self.bind} port {self.port}: {reason}",
                code="share.cannot_bind",
                figures={"address": self.bind, "port": self.port, "reason": reason},
            ) from None
        self._serving = serving
        if address.is_unspecified:  # every address of this computer: link its LAN one
            address = ipaddress.ip_address(local_addresses()[-1])
        host = f"[{address}]" if address.version == 6 else str(address)
        url = f"http://{host}:{port}/"
        names = {f"{PERSON}{p.id}": p.name for p in self.desk.plan.people}
        self.shared = SharedScreens(
            url,
            {n: f"{url}{t}/" for n, t in tokens.by_screen.items() if n not in names},
            f"{url}{tokens.feed}/feed",
            {names[n]: f"{url}{t}/" for n, t in tokens.by_screen.items() if n in names},
        )
        return self.shared

    async def _open(self, serving: _Serving, tokens: Tokens) -> int:
        # The first page opened starts from the run as it is now, not as the desk last saw it.
        await asyncio.get_running_loop().run_in_executor(serving.executor, self.desk.poll)
        beat = Beat(
            self.desk,
            self.feed,
            serving.executor,
            self.poll_s,
            self.language,
            tuple(tokens.by_screen),
        )
        routes = Routes(self.desk, self.feed, tokens, beat, serving.executor, self.language)
        runner = web.AppRunner(routes.app(), access_log=None, shutdown_timeout=STOP_WAIT_S)
        await runner.setup()
        site = web.TCPSite(runner, self.bind, self.port)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        serving.runner, serving.beat = runner, beat
        serving.task = asyncio.get_running_loop().create_task(beat.run())
        return int(runner.addresses[0][1])

    def stop(self) -> None:
        """Stop serving: every stream ends, the port is let go, the links open nothing. Safe to
        call more than once, or before start()."""
        serving, self._serving, self.shared = self._serving, None, None
        if serving is not None:
            self._close(serving)

    def _close(self, serving: _Serving) -> None:
        asyncio.run_coroutine_threadsafe(self._shut(serving), serving.loop).result()
        serving.loop.call_soon_threadsafe(serving.loop.stop)
        serving.thread.join()
        serving.loop.close()
        serving.executor.shutdown(wait=True)

    async def _shut(self, serving: _Serving) -> None:
        if serving.beat is not None:
            serving.beat.close()
        if serving.task is not None:
            serving.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await serving.task
        if serving.runner is not None:
            await serving.runner.cleanup()


def local_addresses() -> list[str]:
    """The IPv4 addresses to offer for serving: this computer only (127.0.0.1), then its
    addresses on the networks it is on (the studio's Wi-Fi or wired LAN)."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass  # a host name that does not resolve: the route below still finds the LAN's
    # The address the default route leaves from; a UDP socket's connect sends nothing.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never a real host
            found.add(probe.getsockname()[0])
        except OSError:
            pass  # no network at all: this computer only
    lan = sorted(
        (a for a in found if not ipaddress.ip_address(a).is_loopback),
        key=lambda a: tuple(int(p) for p in a.split(".")),
    )
    return ["127.0.0.1", *lan]
