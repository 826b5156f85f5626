"""`liveplanner share ID`: the links first (one line of JSON with --json), the pages served until
stopped, then a clean exit 0; a show, address or port that will not do refused in one line with
exit 2. In this process through main(), and once as a real process stopped by SIGTERM."""

import json
import signal
import socket
import subprocess
import sys

import pytest
from desk_helpers import WAIT_S, request
from test_cli import run

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.cli import sharing
from liveplanner.web.screens import SCREENS


@pytest.fixture
def demo_url(migrated_sqlite_url: str) -> str:
    db = open_database(migrated_sqlite_url)
    try:
        create_demo(db)
    finally:
        db.close()
    return migrated_sqlite_url


def test_share_prints_the_links_first_serves_them_until_stopped_and_exits_0(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, object] = {}

    def while_serving(_: object) -> None:  # in place of waiting for Ctrl+C: look, then stop
        first = sys.stdout.getvalue().splitlines()[0]  # run_main's capture of stdout
        links = json.loads(first)
        served["links"] = links
        served["page"] = request(links["roles"]["floor_control"])
        served["bare"] = request(links["url"])
        served["feed"] = request(links["feed"], "POST", b'{"minute": "x"}')

    monkeypatch.setattr(sharing, "wait_until_stopped", while_serving)
    result = run("share", "1", "--json", db=demo_url)
    assert result.returncode == 0, result.stderr
    links = served["links"]
    assert isinstance(links, dict) and set(links["roles"]) == set(SCREENS)
    assert set(links["people"]) == {"林晓", "陈一鸣", "王磊", "赵敏", "刘洋"}
    assert links["url"].startswith("http://127.0.0.1:")
    assert served["page"][0] == 200  # type: ignore[index]
    assert served["bare"] == (403, b"")
    # The collector's link takes lines (here none: the demo has no open run, said per line).
    status, answer = served["feed"]  # type: ignore[misc]
    assert status == 200 and json.loads(answer)["bad"] == 1
    with pytest.raises(ConnectionRefusedError):
        request(links["url"])  # stopped: nothing is served


def test_share_without_json_lists_each_roles_link_in_words(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sharing, "wait_until_stopped", lambda _: None)
    result = run("share", "1", db=demo_url)
    assert result.returncode == 0, result.stderr
    head, *lines, feed = result.stdout.splitlines()
    assert "双11数码配件专场" in head and "Ctrl+C" in head
    assert "JSON lines" in feed and "/feed" in feed
    assert len(lines) == len(SCREENS) + 5  # and a line for each of the demo's five people
    assert any(line.split()[0] == "王磊" for line in lines)
    assert lines[2].split()[:2] == ["Floor", "control"] and "http://127.0.0.1:" in lines[2]


def test_share_refuses_an_unknown_show_a_bad_address_and_a_taken_port_in_one_line(
    demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sharing, "wait_until_stopped", lambda _: pytest.fail("served"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        for args, said in [
            (["share", "99"], "99"),
            (["share", "1", "--bind", "studio-pc"], "“studio-pc” is not an IP address"),
            (["share", "1", "--port", port], f"127.0.0.1 port {port}: Address already in use"),
            (["share", "1", "--port", "65536"], "not a port: '65536'"),
        ]:
            result = run(*args, db=demo_url)
            assert result.returncode == 2, args
            assert result.stdout == "" and len(result.stderr.splitlines()) == 1, args
            assert said in result.stderr, result.stderr


def test_share_as_a_process_serves_until_sigterm_and_exits_0(demo_url: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "liveplanner", "--database", demo_url, "share", "1", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None and process.stderr is not None
            links = json.loads(process.stdout.readline())
            status, page = request(links["roles"]["host"])
            assert status == 200 and b"desk.js" in page
            wrong = links["roles"]["host"][:-3] + "xx/"
            assert request(wrong) == (403, b"")
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=WAIT_S) == 0
            assert process.stderr.read() == ""
        finally:
            process.kill()  # nothing, once it has ended; else it is not left running


def test_share_stopped_the_moment_its_links_are_read_still_exits_0(demo_url: str) -> None:
    """A script that reads the links and stops the command at once: the stop is caught before
    the links are printed, so it is a clean stop, never a kill."""
    with subprocess.Popen(
        [sys.executable, "-m", "liveplanner", "--database", demo_url, "share", "1", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None and process.stderr is not None
            json.loads(process.stdout.readline())
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=WAIT_S) == 0
            assert process.stderr.read() == ""
        finally:
            process.kill()
