"""The desk's pages on the studio network (web.sharing): nothing without a screen's token,
tokens new for each sharing, a viewer that ticks nothing, a tick that reaches every other
screen's stream, bodies bounded, refusals worded in the pages' language, and a stop that ends
every stream. Real requests on loopback, against a show timed on injected clocks."""

import socket

import pytest
from desk_helpers import Clocks, HostsTimer, Stream, desk, post, request

from liveplanner.app.demo import create_demo
from liveplanner.app.refusals import OperationRefused
from liveplanner.storage.database import Database
from liveplanner.web.screens import SCREENS
from liveplanner.web.sharing import ScreenServer, local_addresses


def _running_show(db: Database, language: str = "en") -> tuple[ScreenServer, HostsTimer, Clocks]:
    show_id = create_demo(db)
    clocks = Clocks()
    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    server = ScreenServer(
        db, show_id, language=language, poll_s=0.05, desk=desk(db, show_id, clocks)
    )
    return server, host, clocks


def test_nothing_is_served_without_a_screens_token_but_403_and_an_empty_body(
    db: Database,
) -> None:
    server, _, _ = _running_show(db)
    shared = server.start()
    try:
        host = shared.roles["host"]
        token = host.rstrip("/").rsplit("/", 1)[1]
        wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
        base = shared.url
        for method, path in [
            ("GET", ""),
            ("GET", "favicon.ico"),
            ("GET", f"{wrong}/"),
            ("GET", f"{wrong}/events"),
            ("GET", f"{wrong}/desk.js"),
            ("POST", f"{wrong}/tick"),
            ("GET", f"{token[:10]}/"),
            ("GET", f"{token}x/"),
            ("GET", f"x/{token}/"),
            ("GET", f"{token.upper()}/"),
        ]:
            assert request(base + path, method) == (403, b""), path
        status, page = request(host)
        assert status == 200 and b"desk.js" in page
        assert request(host.rstrip("/")) == (302, b"")  # typed without the last slash
        assert request(host + "desk.js")[0] == request(host + "desk.css")[0] == 200
    finally:
        server.stop()


def test_tokens_are_new_for_each_sharing_and_an_earlier_link_opens_nothing(db: Database) -> None:
    server, _, _ = _running_show(db)
    first = server.start()
    server.stop()
    second = server.start()
    try:
        assert set(first.roles) == set(second.roles) == set(SCREENS)
        tokens = [
            u.rstrip("/").rsplit("/", 1)[1] for u in [*first.roles.values(), *second.roles.values()]
        ]
        assert len(set(tokens)) == 2 * len(SCREENS)  # new, and one per screen
        assert all(len(t) >= 24 for t in tokens)
        again = first.roles["host"].replace(first.url, second.url)
        assert request(again) == (403, b"")
        assert request(second.roles["host"])[0] == 200
    finally:
        server.stop()


def test_the_viewer_sees_floor_controls_view_and_cannot_tick_or_count(db: Database) -> None:
    server, timer, _ = _running_show(db, "zh_CN")
    timer.press("next")  # the demo's lucky draw: floor control's to release
    shared = server.start()
    try:
        viewer = Stream(shared.roles["viewer"])
        seen = viewer.view()
        viewer.close()
        floor = Stream(shared.roles["floor_control"])
        floors = floor.view()
        floor.close()
        assert seen["role"] == "floor_control" and seen["read_only"] and not seen["may_count"]
        assert [i["key"] for i in seen["items"]] == [i["key"] for i in floors["items"]]
        assert not any(i["may_tick"] for i in seen["items"])
        assert any(i["may_tick"] for i in floors["items"]) and floors["may_count"]
        status, answer = post(shared.roles["viewer"] + "tick", {"item": "list:1"})
        assert (status, answer["message"]) == (403, "这个屏幕只能查看")
        status, answer = post(
            shared.roles["viewer"] + "count", {"kind": "sold_out", "item": "product:1"}
        )
        assert status == 403
        assert server.desk.view().recent == ()
    finally:
        server.stop()


def test_a_tick_on_floor_controls_page_reaches_the_hosts_stream_and_counters_reach_all(
    db: Database,
) -> None:
    server, _, _ = _running_show(db)
    shared = server.start()
    host = Stream(shared.roles["host"])
    try:
        assert host.view()["recent"] == []
        assert post(shared.roles["floor_control"] + "tick", {"item": "list:1"}) == (
            200,
            {"ok": True},
        )
        seen = host.until(lambda v: v["recent"] != [])
        tick = seen["recent"][0]
        assert tick["item"] == "list:1" and tick["actor"] == "王磊"  # the demo's floor control
        assert tick["what"] and tick["at"].startswith("2026-11-11T11:30")
        status, _ = post(
            shared.roles["ops"] + "count", {"kind": "sold", "item": "product:1", "quantity": 12}
        )
        assert status == 200
        status, answer = post(
            shared.roles["customer_service"] + "count",
            {"kind": "sold", "item": "product:1", "quantity": 13},
        )
        assert status == 409 and answer["message"] == "only floor control and ops set the counters"
        # The role is the token's: a body that names another role changes nothing.
        status, answer = post(
            shared.roles["host"] + "tick", {"item": "list:2", "role": "floor_control"}
        )
        assert status == 409 and "does not tick" in answer["message"]
    finally:
        host.close()
        server.stop()


def test_the_stream_follows_the_timer_within_a_poll_and_leaves_missing_figures_null(
    db: Database,
) -> None:
    server, timer, clocks = _running_show(db)
    shared = server.start()
    floor = Stream(shared.roles["floor_control"])
    try:
        first = floor.view()
        assert (first["phase"], first["index"], first["run"]["kind"]) == ("running", 0, "rehearsal")
        clocks.at = 30.0
        timer.press("next")
        seen = floor.until(lambda v: v["index"] == 1)
        assert seen["segment"] != first["segment"] and seen["elapsed_s"] == 0
        assert seen["version"] > first["version"]
        # Figures nobody has given are null (the page writes "—"), never 0.
        product, promo = seen["products"][0], seen["promos"][0]
        assert product["stock"] > 0 and product["sold"] is None and product["left"] is None
        assert promo["claimed"] is None and promo["released"] == 0 and not promo["sold_out"]
    finally:
        floor.close()
        server.stop()


def test_bodies_are_bounded_and_what_is_not_a_tick_is_refused_in_one_line(db: Database) -> None:
    server, _, _ = _running_show(db)
    shared = server.start()
    floor = shared.roles["floor_control"]
    try:
        big = b'{"item": "' + b"x" * 5000 + b'"}'
        status, answer = request(floor + "tick", "POST", big)
        assert status == 413 and b"at most 4096 bytes" in answer
        # A body sent in chunks says no length first: refused before any of it is read.
        chunked = request(floor + "tick", "POST", iter([b'{"item": ', b'"list:1"}']))
        assert chunked[0] == 413
        for body in [b"", b"not json", b"[1, 2]", b'{"item": 5}', b'{"item": ""}']:
            status, answer = request(floor + "tick", "POST", body)
            assert status == 400 and b"the page sent" in answer, body
        for data in [
            {"kind": "stolen", "item": "promo:1", "quantity": 1},
            {"kind": "released", "item": "promo:1", "quantity": 1.5},
            {"kind": "released", "item": "promo:1", "quantity": True},
        ]:
            assert post(floor + "count", data)[0] == 400, data
        status, answer = post(
            floor + "count", {"kind": "released", "item": "promo:1", "quantity": -5}
        )
        assert status == 409 and "units must be a whole number" in answer["message"]
        assert request(floor + "tick")[0] == 405  # a tick is posted
    finally:
        server.stop()


def test_a_refusal_is_worded_in_the_pages_language(db: Database) -> None:
    show_id = create_demo(db)  # no run open: the plan, counting nothing
    server = ScreenServer(db, show_id, language="zh_CN", poll_s=0.05)
    shared = server.start()
    try:
        status, answer = post(shared.roles["floor_control"] + "tick", {"item": "list:1"})
        assert (status, answer["message"]) == (409, "没有进行中的计时：请先开始计时")
        status, page = request(shared.roles["host"])
        assert '<html lang="zh-CN">' in page.decode() and "正在重新连接" in page.decode()
    finally:
        server.stop()


def test_stop_ends_every_stream_and_nothing_is_served_afterwards(db: Database) -> None:
    server, _, _ = _running_show(db)
    shared = server.start()
    streams = [Stream(shared.roles[name]) for name in ("host", "floor_control", "viewer")]
    for stream in streams:
        stream.view()
    server.stop()
    assert not server.running
    for stream in streams:
        with pytest.raises(EOFError):
            while True:
                stream.view()
        stream.close()
    with pytest.raises(ConnectionRefusedError):
        request(shared.roles["host"])
    server.stop()  # a second stop is nothing


def test_a_taken_port_or_an_address_that_is_none_is_refused_with_what_and_why(
    db: Database,
) -> None:
    show_id = create_demo(db)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = ScreenServer(db, show_id, port=port)
        with pytest.raises(OperationRefused) as refused:
            server.start()
        assert refused.value.code == "share.cannot_bind"
        assert refused.value.figures["address"] == "127.0.0.1"
        assert refused.value.figures["port"] == port
        assert "in use" in str(refused.value.figures["reason"])
        assert not server.running
    for address in ["studio-pc", "999.1.1.1", ""]:
        with pytest.raises(OperationRefused) as refused:
            ScreenServer(db, show_id, bind=address).start()
        assert refused.value.code == "share.bad_address"


def test_the_addresses_offered_start_with_this_computer_only() -> None:
    addresses = local_addresses()
    assert addresses[0] == "127.0.0.1"
    assert len(set(addresses)) == len(addresses)
    assert all(a.count(".") == 3 and not a.startswith("127.") for a in addresses[1:])


def test_serving_on_every_address_links_this_computers_lan_address(db: Database) -> None:
    show_id = create_demo(db)
    server = ScreenServer(db, show_id, bind="0.0.0.0")
    shared = server.start()
    try:
        assert shared.url.startswith(f"http://{local_addresses()[-1]}:")
        assert request(shared.roles["host"])[0] == 200
    finally:
        server.stop()


def test_a_persons_page_shows_their_cues_ticks_as_them_and_counts_only_when_they_may(
    db: Database,
) -> None:
    server, _, _ = _running_show(db)
    shared = server.start()
    floor_person = Stream(shared.people["王磊"])  # the demo's floor control
    try:
        first = floor_person.view()
        assert first["person"] == "王磊" and first["role"] is None and first["may_count"]
        assert post(shared.people["王磊"] + "tick", {"item": "list:1"}) == (200, {"ok": True})
        seen = floor_person.until(lambda v: v["recent"] != [])
        assert seen["recent"][0]["actor"] == "王磊"
        # Customer service's person ticks none of floor control's items and sets no counter.
        status, answer = post(shared.people["赵敏"] + "tick", {"item": "list:2"})
        assert status == 409 and "does not tick" in answer["message"]
        status, _ = post(
            shared.people["赵敏"] + "count", {"kind": "sold", "item": "product:1", "quantity": 1}
        )
        assert status == 409
        assert post(
            shared.people["王磊"] + "count", {"kind": "sold", "item": "product:1", "quantity": 3}
        ) == (200, {"ok": True})
    finally:
        floor_person.close()
        server.stop()
