"""The `liveplanner` command as a user runs it: its main() in this process with its output
captured (a new Python for each command would take most of these tests' time), and a few runs in
a subprocess, where only a process shows it (exit status, imports, two processes at once)."""

import io
import itertools
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Mapping
from contextlib import closing, redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import pytest

from liveplanner.app.workspace import open_database
from liveplanner.cli.main import main
from liveplanner.core.enums import SegmentKind
from liveplanner.core.plan import Product
from liveplanner.storage import parts, schema, segments, shows


def run_main(
    argv: list[str], env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`liveplanner ARGV` in this process: its exit status (argparse's too) and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env or {}), redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # --help, --version and argparse's refusals end this way
            status = exc.code if isinstance(exc.code, int) else 0
    return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())


def run(*args: str, db: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_main(["--database", db, *args], env)


def run_process(
    *args: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m liveplanner ARGS` in a new process, as a user starts it."""
    return subprocess.run(
        [sys.executable, "-m", "liveplanner", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def ok_json(*args: str, db: str) -> dict:
    result = run(*args, "--json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_demo_then_show_prints_the_script_with_clock_times(db_url: str) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    data = ok_json("show", str(show_id), db=db_url)
    assert data["id"] == show_id and data["platform"] == "douyin"
    assert data["planned_start"] == "2026-11-11T19:30:00"
    assert data["total_s"] == 3 * 3600
    segments = data["segments"]
    assert len(segments) >= 20
    assert {s["kind"] for s in segments} == {k.value for k in SegmentKind}
    assert segments[0]["start"] == "2026-11-11T19:30:00" and segments[0]["position"] == 1
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(segments))
    assert segments[-1]["end"] == "2026-11-11T22:30:00"
    assert segments[2]["product"] == "磁吸无线充电宝 10000mAh"
    assert segments[2]["roles"]["host"] == "林晓"
    assert abs(sum(data["content_mix"].values()) - 1) < 1e-3

    text = run("show", str(show_id), db=db_url).stdout
    assert "19:30  19:38" in text and "双11数码配件专场" in text and "content mix:" in text


def test_check_reports_the_demos_warnings_and_exits_zero(db_url: str) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    data = ok_json("check", str(show_id), db=db_url)
    assert data["errors"] == 0
    assert [f["code"] for f in data["findings"]] == [
        "discount_over_maximum",
        *["offer_away_from_intro"] * 3,
    ]
    text = run("check", str(show_id), db=db_url)
    assert text.returncode == 0
    assert text.stdout.startswith("warning ") and "0 errors, 4 warnings" in text.stdout


def test_check_exits_one_when_a_finding_is_an_error(sqlite_url: str) -> None:
    show_id = ok_json("new-show", "--title", "t", "--start", "2026-12-12 20:00", db=sqlite_url)[
        "show_id"
    ]

    db = open_database(sqlite_url)
    segments.add_segment(db, show_id, SegmentKind.PRODUCT_INTRO, "no product", 60)
    db.close()
    result = run("check", str(show_id), db=sqlite_url)
    assert result.returncode == 1
    assert "error   segment 1 'no product': a product intro with no product" in result.stdout


def test_check_names_every_hostless_intro_in_one_finding(sqlite_url: str) -> None:
    show_id = ok_json("new-show", "--title", "t", "--start", "2026-12-12 20:00", db=sqlite_url)[
        "show_id"
    ]
    db = open_database(sqlite_url)
    products = [parts.add_part(db, show_id, Product(0, f"P{n}", f"p{n}")) for n in (1, 2, 3)]
    ids = [
        segments.add_segment(db, show_id, SegmentKind.PRODUCT_INTRO, f"intro {n}", 60).id
        for n in (1, 2, 3)
    ]
    for segment, product in zip(shows.load_plan(db, show_id).segments, products, strict=True):
        segments.update_segment(db, segment.id, segment.version, product_id=product.id)
    db.close()
    data = json.loads(run("check", str(show_id), "--json", db=sqlite_url).stdout)
    # Three intros and nothing else: the content mix is off its target too (a warning).
    [finding, mix] = data["findings"]
    assert finding["code"] == "intro_without_host" and finding["entity_ids"] == ids
    assert mix["code"] == "mix_off_target"
    text = run("check", str(show_id), db=sqlite_url).stdout
    assert (
        "error   3 product intros have no host, and the team has none: "
        "segments 1 'intro 1', 2 'intro 2' and 3 'intro 3'" in text
    )
    assert "1 error, 1 warning" in text


def test_new_show_and_shows(sqlite_url: str) -> None:
    created = ok_json(
        "new-show",
        "--title",
        "黑五专场",
        "--start",
        "2026-11-27 20:00",
        "--platform",
        "kuaishou",
        db=sqlite_url,
    )
    listed = ok_json("shows", db=sqlite_url)["shows"]
    assert listed == [
        {
            "id": created["show_id"],
            "title": "黑五专场",
            "platform": "kuaishou",
            "planned_start": "2026-11-27T20:00:00",
            "status": "draft",
            "segments": 0,
            "total_s": 0,
        }
    ]
    assert "黑五专场" in run("shows", db=sqlite_url).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new-show", "--title", "x", "--start", "tomorrow"],
            "--start 'tomorrow' is not a time; expected YYYY-MM-DD HH:MM",
        ),
        (
            ["new-show", "--title", "x", "--start", "2026-12-12 20:00", "--tz", "Mars/Base"],
            "unknown time zone 'Mars/Base'",
        ),
        (["new-show", "--title", " ", "--start", "2026-12-12 20:00"], "--title is empty"),
        (["show", "42"], "there is no show 42"),
        (["check", "42"], "there is no show 42"),
        (["show", "abc"], "not a show id: 'abc'"),
        (["show", "99999999999999999999"], "not a show id"),
        (["check", "0"], "not a show id"),
        (
            ["new-show", "--title", "x", "--start", "0001-01-01 00:00"],
            "not a time a show can have; expected a time in the years 2000 to 2099",
        ),
        (
            ["new-show", "--title", "x", "--start", "2026-03-08 02:30", "--tz", "America/New_York"],
            "does not exist in America/New_York",
        ),
        (
            ["new-show", "--title", "x", "--start", "2026-12-12 20:00", "--tz", "localtime"],
            "unknown time zone 'localtime'",
        ),
        (["new-show", "--title", "x" * 201, "--start", "2026-12-12 20:00"], "at most 200 fit"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_user_errors_are_one_line_on_stderr_with_exit_two(
    sqlite_url: str, args: list[str], message: str
) -> None:
    result = run(*args, db=sqlite_url)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr


def test_a_bad_database_url_is_a_user_error() -> None:
    result = run("shows", db="mysql://root@localhost/shows")
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "liveplanner: unsupported database 'mysql': use SQLite or PostgreSQL"
    )


def test_a_newer_database_is_refused_untouched(sqlite_url: str) -> None:

    ok_json("shows", db=sqlite_url)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
        conn.commit()
    before = path.read_bytes()
    result = run("shows", db=sqlite_url)
    assert result.returncode == 2
    assert "written by a newer liveplanner" in result.stderr
    assert path.read_bytes() == before


def test_db_check_reports_an_old_schema_instead_of_upgrading_it(sqlite_url: str) -> None:
    ok_json("db", "upgrade", db=sqlite_url)
    with closing(sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))) as conn:
        conn.execute("DELETE FROM alembic_version")
        conn.commit()
    result = run("db", "check", "--json", db=sqlite_url)
    assert result.returncode == 1
    expected = f"expected {schema.head_revision()}: run db upgrade"
    assert expected in json.loads(result.stdout)["problems"][0]


def test_search_that_finds_nothing_says_so(sqlite_url: str) -> None:
    ok_json("demo", db=sqlite_url)
    assert (
        run("shows", "--search", "100%", db=sqlite_url).stdout.strip() == "no show matches '100%'"
    )
    assert "双11" in run("shows", "--search", "双11", db=sqlite_url).stdout


def test_db_upgrade_check_and_backup(sqlite_url: str, tmp_path: Path) -> None:
    first = ok_json("db", "upgrade", db=sqlite_url)
    assert first == {"from": "empty", "to": first["to"]}
    assert ok_json("db", "upgrade", db=sqlite_url) == {"from": first["to"], "to": first["to"]}
    assert ok_json("db", "check", db=sqlite_url) == {"ok": True, "problems": []}
    backup = Path(ok_json("db", "backup", db=sqlite_url)["backup"])
    assert backup.exists() and backup.name.endswith("-manual.sqlite3")


def test_db_check_finds_broken_references(sqlite_url: str) -> None:

    ok_json("demo", db=sqlite_url)
    with closing(sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE segments SET show_id = 777 WHERE id = 1")
        conn.commit()
    result = run("db", "check", db=sqlite_url)
    assert result.returncode == 1
    assert "foreign key: segments row 1 points to a missing shows row" in result.stdout


def test_db_backup_on_postgresql_is_refused_with_advice(postgres_url: str) -> None:
    result = run("db", "backup", db=postgres_url)
    assert result.returncode == 2
    assert "backed up by its server (pg_dump)" in result.stderr


def test_the_environment_variable_names_the_database(sqlite_url: str) -> None:
    result = run_main(["demo", "--json"], env={"LIVEPLANNER_DATABASE_URL": sqlite_url})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"show_id": 1}
    assert Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_two_first_opens_of_an_empty_database_at_once_both_succeed(db_url: str) -> None:
    """A team starting the app together on a new database: one migrates, the other waits."""
    command = [sys.executable, "-m", "liveplanner", "--database", db_url, "shows", "--json"]
    first, second = (
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    )
    results = [(*p.communicate(timeout=120), p.returncode) for p in (first, second)]
    assert [code for _, _, code in results] == [0, 0], results  # stderr says why, if not
    assert [json.loads(out) for out, _, _ in results] == [{"shows": []}] * 2, results


def test_a_command_in_its_own_process_prints_and_exits_with_its_status(sqlite_url: str) -> None:
    created = run_process("--database", sqlite_url, "demo", "--json")
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout) == {"show_id": 1}
    refused = run_process("--database", sqlite_url, "show", "42")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.startswith("liveplanner: there is no show 42")
    usage = run_process("frobnicate")
    assert usage.returncode == 2 and "invalid choice: 'frobnicate'" in usage.stderr
    helped = run_process("--help")
    assert helped.returncode == 0 and "import-metrics" in helped.stdout


def test_listing_shows_never_loads_qt(sqlite_url: str) -> None:
    """The command line loads PySide6 only to draw a PDF: `python -X importtime -m liveplanner
    shows` lists every module it imports, and none is Qt's."""
    timed = run_process("--database", sqlite_url, "shows", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert timed.returncode == 0, timed.stderr
    assert "PySide6" not in timed.stderr
    script = (
        "import sys\n"
        "from liveplanner.cli.main import main\n"
        f"main(['--database', {sqlite_url!r}, 'shows'])\n"
        "print(sorted(m for m in sys.modules if m.partition('.')[0] == 'PySide6'))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert loaded.stdout.splitlines()[-1] == "[]"


def test_the_windows_options_alone_open_it_without_every_commands_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import liveplanner.cli.main as cli_main

    def no_parser() -> None:
        raise AssertionError("the commands' parser was built for the window")

    monkeypatch.setattr(cli_main, "build_parser", no_parser)
    opened: list[tuple[object, ...]] = []
    status = main(
        ["--database", "sqlite:///x.sqlite3", "--open", "7", "--exit-when", "shown"],
        open_window=lambda *args: opened.append(args) or 0,
    )
    assert (status, opened) == (0, [("sqlite:///x.sqlite3", 7, "shown")])


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--open", "abc"], "argument --open: not a show id: 'abc'"),
        (["--exit-when", "later"], "argument --exit-when: invalid choice: 'later'"),
        (["--database"], "argument --database: expected one argument"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_a_mistake_in_the_windows_options_is_said_as_any_other(argv: list[str], said: str) -> None:
    result = run_main(argv)
    assert result.returncode == 2 and said in result.stderr
