"""The beat of a sharing: polls the desk off the event loop and pushes every screen's view to
its pages as server-sent events, when the desk changes and once a second besides (the
countdown), so a page is never more than a second behind the timer."""

import asyncio
import json
import logging
from concurrent.futures import Executor

from aiohttp import web

from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import LiveFeed
from liveplanner.app.translations import translator
from liveplanner.web.figures_json import figures_json
from liveplanner.web.screens import SCREENS, holds, screen
from liveplanner.web.views_json import view_json

log = logging.getLogger(__name__)

PUSH_EVERY_S = 1.0
RETRY_MS = 1000  # how soon a page's EventSource reconnects after a drop


class Beat:
    def __init__(
        self,
        desk: LiveDesk,
        feed: LiveFeed,
        executor: Executor,
        poll_s: float,
        language: str,
        names: tuple[str, ...] = SCREENS,
    ) -> None:
        self.desk, self.feed, self.executor, self.poll_s = desk, feed, executor, poll_s
        self.names = names  # the screens served: web.screens.SCREENS and person:ID
        self.translate = translator(language)
        self._fed = (0, 0, 0)  # the feed's lines, bad lines and alerts at the last push
        self.closing = False
        self.payloads: dict[str, bytes] = {}
        self._pushed = asyncio.Event()  # set, and replaced, at every push
        self.push()

    def push(self) -> None:
        """Work out every screen's view now and wake the streams to send it."""
        followed, version = self.desk.followed, self.desk.version
        figures = figures_json(self.feed.figures(), self.feed, self.translate)
        people = {p.id: p.name for p in self.desk.plan.people}
        for name in self.names:
            shown = screen(name)
            view = self.desk.view(shown.role, shown.person_id)
            data = view_json(
                view,
                title=self.desk.plan.show.title,
                items=self.desk.items,
                followed=followed,
                version=version,
                read_only=shown.read_only,
                holds=holds(self.desk.plan, shown, view.reading.index),
            )
            data["person"] = people.get(shown.person_id or 0)
            data["figures"] = figures
            self.payloads[name] = json.dumps(data, ensure_ascii=False).encode()
        pushed, self._pushed = self._pushed, asyncio.Event()
        pushed.set()

    def _poll(self) -> bool:
        """Read the run log and the feed; True when the pages should hear of it now."""
        try:
            changed = self.desk.poll()
            self.feed.poll()
        except Exception:  # a database away for a moment: the pages keep the last view
            log.warning("the live desk could not read the run log", exc_info=True)
            return False
        figures = self.feed.figures()
        fed = (figures.lines, figures.bad_lines, len(self.feed.alerts))
        changed = changed or fed != self._fed
        self._fed = fed
        return changed

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        last = loop.time()
        while not self.closing:
            changed = await loop.run_in_executor(self.executor, self._poll)
            if changed or loop.time() - last >= PUSH_EVERY_S:
                self.push()
                last = loop.time()
            await asyncio.sleep(self.poll_s)

    def close(self) -> None:
        """End every stream (each returns at its next wake, which is now)."""
        self.closing = True
        self._pushed.set()

    async def stream(self, request: web.Request, name: str) -> web.StreamResponse:
        """One page's event stream: the view now, then at every push until the sharing stops
        or the page goes."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
        )
        await response.prepare(request)
        try:
            await response.write(f"retry: {RETRY_MS}\n\n".encode())
            while not self.closing:
                pushed = self._pushed
                await response.write(b"data: " + self.payloads[name] + b"\n\n")
                await pushed.wait()
        except ConnectionError:
            pass  # the page went: nothing more to send
        return response
