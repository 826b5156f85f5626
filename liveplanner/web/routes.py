"""What a sharing serves, all of it under a screen's token: `/TOKEN/` the page (and its script
and style), `/TOKEN/events` the view as server-sent events, `POST /TOKEN/tick`, `/TOKEN/count`
and `/TOKEN/figure` the page's ticks, counters and typed figures; and under the feed's own
token `POST /FEEDTOKEN/feed`, a collector's JSON lines. Anything without a right token is 403
with an empty body: nothing says whether a path exists or what the page would be."""

import asyncio
import json
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from functools import partial
from importlib.resources import files
from typing import Any

from aiohttp import web

from liveplanner.app import messages
from liveplanner.app.database import StorageError
from liveplanner.app.feed_words import reason_words
from liveplanner.app.live_desk import DeskRefusal, LiveDesk
from liveplanner.app.live_feed import LiveFeed
from liveplanner.app.translations import translator
from liveplanner.core.enums import DeskEventKind, Role
from liveplanner.web.screens import Screen, Tokens, actor
from liveplanner.web.streams import Beat
from liveplanner.web.words import HTML_LANG, page_words

MAX_BODY = 4096  # a tick or a counter is a few dozen bytes
MAX_FEED_BODY = 2_000_000  # a collector's batch: the most the feed reads in one call
MAX_KEY = 64  # an item's key ("release:123") or a counter's ("promo:123")
COUNTED = {
    DeskEventKind.RELEASED.value: DeskEventKind.RELEASED,
    DeskEventKind.CLAIMED.value: DeskEventKind.CLAIMED,
    DeskEventKind.SOLD.value: DeskEventKind.SOLD,
    DeskEventKind.SOLD_OUT.value: DeskEventKind.SOLD_OUT,
}
# The page loads only its own script and style, from here, and talks only to here.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",  # the token stays in this address bar
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
STATIC = {"desk.js": "text/javascript", "desk.css": "text/css"}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _static(name: str) -> str:
    return files("liveplanner.web").joinpath(f"static/{name}").read_text(encoding="utf-8")


def _page(language: str) -> str:
    # The words go in as JSON inside a data block; "<" escaped so no text closes the block.
    words = json.dumps(page_words(language), ensure_ascii=False).replace("<", "\\u003c")
    return (
        _static("desk.html")
        .replace("{{lang}}", HTML_LANG.get(language, "en"))
        .replace("{{words}}", words)
    )


class Routes:
    def __init__(
        self,
        desk: LiveDesk,
        feed: LiveFeed,
        tokens: Tokens,
        beat: Beat,
        executor: Executor,
        language: str,
    ) -> None:
        self.desk, self.feed, self.tokens, self.beat = desk, feed, tokens, beat
        self.executor = executor
        self.translate = translator(language)
        self.page = _page(language)
        self.statics = {name: _static(name) for name in STATIC}

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_FEED_BODY, middlewares=[self._guard])
        app.on_response_prepare.append(_secure)
        app.router.add_get("/{token}/", self._page)
        app.router.add_get("/{token}/events", self._events)
        app.router.add_get("/{token}/{name:desk\\.(js|css)}", self._file)
        app.router.add_post("/{token}/tick", self._tick)
        app.router.add_post("/{token}/count", self._count)
        app.router.add_post("/{token}/figure", self._figure)
        app.router.add_post("/{token}/feed", self._feed)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        parts = request.path.split("/")
        if parts[1:] == [parts[1], "feed"] and self.tokens.is_feed(parts[1]):
            declared = request.content_length
            if request.method != "POST" or declared is None or declared > MAX_FEED_BODY:
                return self._refused(413, "share.too_large", most=MAX_FEED_BODY)
            return await handler(request)
        found = self.tokens.screen(parts[1]) if parts[1:] and parts[1] else None
        if found is None or parts[2:] == ["feed"]:
            return web.Response(status=403, body=b"")
        if len(parts) == 2:  # a link typed without its last slash: the page is one level down
            return web.Response(status=302, headers={"Location": f"/{parts[1]}/"})
        declared = request.content_length
        if request.method == "POST" and (declared is None or declared > MAX_BODY):
            return self._refused(413, "share.too_large", most=MAX_BODY)
        return await handler(request)

    def _screen(self, request: web.Request) -> Screen:
        found = self.tokens.screen(request.match_info["token"])
        assert found is not None  # the guard let only a screen's token through
        return found

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(text=self.page, content_type="text/html")

    async def _file(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        return web.Response(text=self.statics[name], content_type=STATIC[name])

    async def _events(self, request: web.Request) -> web.StreamResponse:
        return await self.beat.stream(request, self._screen(request).name)

    def _refused(self, status: int, code: str, **figures: object) -> web.Response:
        text = messages.word(code, figures, self.translate)
        return web.json_response({"message": text}, status=status)

    async def _body(self, request: web.Request) -> dict[str, Any] | None:
        try:
            body = json.loads(await request.read())
        except ValueError:
            return None
        return body if isinstance(body, dict) else None

    async def _send(self, call: Callable[[], object]) -> web.Response:
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self.executor, call)
        except StorageError as exc:  # refused by the desk, or the database away for a moment
            status = 409 if isinstance(exc, DeskRefusal) else 503
            if exc.code not in messages.TEXTS:
                return web.json_response({"message": str(exc)}, status=status)
            return self._refused(status, exc.code, **exc.figures)
        self.beat.push()
        return web.json_response({"ok": True})

    async def _tick(self, request: web.Request) -> web.Response:
        shown = self._screen(request)
        if shown.read_only:
            return self._refused(403, "share.read_only")
        body = await self._body(request)
        key = None if body is None else body.get("item")
        if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY:
            return self._refused(400, "share.bad_request", what="item")
        undo = body is not None and body.get("undo") is True
        who, _ = self._who(shown)
        tick = partial(self.desk.tick, key, who, shown.role, shown.person_id, undo)
        return await self._send(tick)

    def _who(self, shown: Screen) -> tuple[str, Role | None]:
        """Who a screen's tick or figure is logged as, and the counting role it stands for now
        (floor control or ops: its own, or one its person holds in the current segment)."""
        plan = self.desk.plan
        index = self.desk.view(shown.role, shown.person_id).reading.index
        counting = self.desk.counting(shown.role, shown.person_id)
        if shown.person_id is not None:
            name = next((p.name for p in plan.people if p.id == shown.person_id), "")
            return name, counting
        assert shown.role is not None
        return actor(plan, shown.role, index), counting

    async def _count(self, request: web.Request) -> web.Response:
        shown = self._screen(request)
        if shown.read_only:
            return self._refused(403, "share.read_only")
        body = await self._body(request) or {}
        kind = COUNTED.get(str(body.get("kind")))
        item = body.get("item")
        quantity = body.get("quantity")
        if kind is None or not isinstance(item, str) or len(item) > MAX_KEY:
            return self._refused(400, "share.bad_request", what="kind, item")
        if quantity is not None and (not isinstance(quantity, int) or isinstance(quantity, bool)):
            return self._refused(400, "share.bad_request", what="quantity")
        who, counting = self._who(shown)
        return await self._send(partial(self.desk.count, kind, item, quantity, who, counting))

    async def _figure(self, request: web.Request) -> web.Response:
        """A figure floor control or ops typed: online viewers now, or GMV so far in yuan."""
        shown = self._screen(request)
        who, counting = self._who(shown)
        if shown.read_only or counting is None:
            return self._refused(403, "desk.not_counting")
        body = await self._body(request) or {}
        metric, value = body.get("metric"), body.get("value")
        if not isinstance(metric, str) or not isinstance(value, str | int | float):
            return self._refused(400, "share.bad_request", what="metric, value")
        call = partial(self.feed.typed, metric, value, who, self.feed.now())
        count = await asyncio.get_running_loop().run_in_executor(self.executor, call)
        self.beat.push()
        if count.bad:
            return web.json_response(
                {"message": reason_words(count.reasons[-1], self.translate)}, status=409
            )
        return web.json_response({"ok": True})

    async def _feed(self, request: web.Request) -> web.Response:
        """A collector's JSON lines: what was taken and why any line was not."""
        body = await request.read()
        call = partial(self.feed.take_lines, body)
        count = await asyncio.get_running_loop().run_in_executor(self.executor, call)
        self.beat.push()
        return web.json_response(
            {
                "taken": count.taken,
                "bad": count.bad,
                "kept": count.kept,
                "reasons": [reason_words(r, self.translate) for r in count.reasons],
            }
        )


async def _secure(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
