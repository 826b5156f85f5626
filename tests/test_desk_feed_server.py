"""The show's figures on the studio network: a collector posts JSON lines with the feed's own
token (and only with it), floor control and ops type figures from their pages, and every page's
stream carries the figures, the bad lines' reasons and nothing for what nobody gave."""

import json
import re

from desk_helpers import Clocks, HostsTimer, Stream, desk, post, request

from liveplanner.app.demo import create_demo
from liveplanner.app.live_feed import LiveFeed
from liveplanner.storage.database import Database
from liveplanner.web.routes import MAX_FEED_BODY
from liveplanner.web.sharing import ScreenServer


def _sharing(db: Database, language: str = "en") -> tuple[ScreenServer, Clocks]:
    show_id = create_demo(db)
    clocks = Clocks()
    HostsTimer(db, show_id, clocks).press("start")
    its_desk = desk(db, show_id, clocks)
    feed = LiveFeed(its_desk, wall=clocks.wall)
    server = ScreenServer(
        db, show_id, poll_s=0.05, desk=its_desk, feed=feed, language=language
    )  # fmt: skip
    return server, clocks


def _lines(*lines: object) -> bytes:
    return "\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines).encode()


def test_a_collectors_lines_reach_every_page_and_bad_ones_are_counted_with_a_reason(
    db: Database,
) -> None:
    server, _ = _sharing(db)
    shared = server.start()
    host = Stream(shared.roles["host"])
    try:
        assert host.view()["figures"]["online_now"] is None  # nobody has said: never 0
        body = _lines(
            {"minute": "2026-11-11T19:31:00+08:00", "online_viewers": 1200, "gmv": 5600.5},
            {"minute": "2026-11-11T19:32:00+08:00", "online_viewers": "lots"},
            "not json",
        )
        status, answer = request(shared.feed, "POST", body, {"Content-Type": "text/plain"})
        counted = json.loads(answer)
        assert status == 200 and (counted["taken"], counted["bad"]) == (1, 2)
        assert len(counted["reasons"]) == 2 and all("line" in r for r in counted["reasons"])
        seen = host.until(lambda v: v["figures"]["online_now"] == 1200)
        figures = seen["figures"]
        assert figures["gmv_fen"] == 560050 and figures["bad_lines"] == 2
        assert figures["minutes"][-1][1:] == [1200, 560050]
    finally:
        host.close()
        server.stop()


def test_only_the_feeds_token_posts_figures_and_it_opens_no_page(db: Database) -> None:
    server, _ = _sharing(db)
    shared = server.start()
    try:
        feed_token = shared.feed.rsplit("/", 2)[-2]
        line = _lines({"minute": "2026-11-11T19:31:00+08:00", "online_viewers": 5})
        for page in shared.roles.values():
            assert request(page + "feed", "POST", line) == (403, b"")
        assert request(f"{shared.url}{feed_token}/", "GET") == (403, b"")
        assert request(f"{shared.url}{feed_token}/events", "GET") == (403, b"")
        assert request(shared.url + "wrong-token/feed", "POST", line) == (403, b"")
        status, _ = request(shared.feed, "POST", b"x" * (MAX_FEED_BODY + 1))
        assert status == 413
    finally:
        server.stop()


def test_floor_control_types_figures_and_a_host_cannot(db: Database) -> None:
    server, clocks = _sharing(db)
    shared = server.start()
    host = Stream(shared.roles["host"])
    try:
        clocks.at = 90.0
        assert post(
            shared.roles["floor_control"] + "figure", {"metric": "gmv", "value": "5.6万"}
        ) == (
            200,
            {"ok": True},
        )
        assert post(
            shared.roles["ops"] + "figure", {"metric": "online_viewers", "value": 3400}
        ) == (200, {"ok": True})
        seen = host.until(lambda v: v["figures"]["online_now"] == 3400)
        assert seen["figures"]["gmv_fen"] == 5_600_000
        status, answer = post(shared.roles["host"] + "figure", {"metric": "gmv", "value": 1})
        assert status == 403 and answer["message"] == "only floor control and ops set the counters"
        status, answer = post(shared.roles["viewer"] + "figure", {"metric": "gmv", "value": 1})
        assert status == 403
        status, answer = post(
            shared.roles["floor_control"] + "figure", {"metric": "gmv", "value": "lots"}
        )
        assert (status, answer["message"]) == (
            409,
            "GMV so far: “lots” is not a number; type the yuan taken so far, such as 56,000",
        )
        status, _ = post(shared.roles["floor_control"] + "figure", {"metric": ["gmv"]})
        assert status == 400
    finally:
        host.close()
        server.stop()


# A typed figure refused, as the page says it in the sharing's language: the field as the
# page names it, never a feed's line or its metric names.
TYPED_REFUSED = {
    ("online_viewers", "-5", "en"): "Online now: “-5” is below zero; type the count watching",
    ("online_viewers", "abc", "zh_CN"): "当前在线：“abc”不是数字；请填写在线人数",
    ("gmv", "-0.5", "zh_CN"): "累计成交额：“-0.5”小于零",
    ("gmv", "1e20", "en"): "GMV so far: “1e20” is not a number; type the yuan taken so far",
}


def test_a_typed_figure_refused_is_said_as_the_page_names_its_field(db: Database) -> None:
    for language in ("en", "zh_CN"):
        server, _ = _sharing(db, language)
        shared = server.start()
        try:
            for (metric, value, said_in), said in TYPED_REFUSED.items():
                if said_in != language:
                    continue
                status, answer = post(
                    shared.roles["floor_control"] + "figure", {"metric": metric, "value": value}
                )
                assert status == 409 and answer["message"].startswith(said), answer
                assert not re.search(r"\bline\b|行", answer["message"]), answer
        finally:
            server.stop()
