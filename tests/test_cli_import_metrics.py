"""`liveplanner import-metrics`, run as a user runs it."""

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from test_cli import ok_json, run

from liveplanner.app import settings
from liveplanner.app.workspace import open_database
from liveplanner.cli.parser import PRESET_NAMES
from liveplanner.formats.metrics.presets import PRESETS
from liveplanner.storage.backup import list_backups
from liveplanner.storage.samples import load_metrics

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "external"
GMV_FILE = SAMPLES / "douyin-live-gmv-export_m2_reference_final.csv"


def test_the_public_gmv_export_is_imported_and_reported_as_json(db_url: str) -> None:
    show_id = ok_json("new-show", "--title", "7·1", "--start", "2025-07-01 19:00", db=db_url)[
        "show_id"
    ]
    data = ok_json("import-metrics", str(GMV_FILE), "--show", str(show_id), db=db_url)
    assert data == {
        "show_id": show_id,
        "rows_read": 61,
        "minutes": 61,
        "start": "2025-07-01T19:00",
        "end": "2025-07-01T20:00",
        "encoding": "UTF-8",
        "preset": "douyin-gmv-minute",
        "shifted_days": 0,
        "metrics": {"gmv": {"total": 2001, "max": 69, "max_at": "2025-07-01T19:24"}},
        "warnings": ["columns not imported: room_id"],
        "columns": [
            {"header": "room_id", "metric": None, "running_total": False, "source": None},
            {"header": "session_date", "metric": None, "running_total": False, "source": None},
            {"header": "time", "metric": None, "running_total": False, "source": "time"},
            {"header": "gmv_min", "metric": "gmv", "running_total": False, "source": "preset"},
        ],
        "mismatch": None,
    }
    with closing(open_database(db_url)) as db:
        stored = load_metrics(db, show_id)
    assert int(stored["value"].sum()) == 2001_00 and len(stored) == 61


def test_a_dry_run_stores_nothing_and_refuses_what_the_real_run_refuses(db_url: str) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    with closing(open_database(db_url)) as db:
        before = load_metrics(db, show_id)
    args = ("import-metrics", str(GMV_FILE), "--show", str(show_id))
    real = run(*args, db=db_url)
    dry = run(*args, "--dry-run", db=db_url)
    assert real.returncode == dry.returncode == 2 and dry.stdout == ""
    assert dry.stderr == real.stderr and "not during the show" in dry.stderr
    kept = run(*args, "--dry-run", "--keep-dates", "--json", db=db_url)  # the demo has metrics
    assert kept.returncode == 2 and "give --replace to replace them" in kept.stderr
    data = ok_json(*args, "--dry-run", "--keep-dates", "--replace", db=db_url)
    assert data["mismatch"] == {
        "start": "2025-07-01T19:00",
        "end": "2025-07-01T20:00",
        "show_start": "2026-11-11T19:30",
        "show_end": "2026-11-11T22:37",  # the demo's live run, as the refusal says
        "shift_days": 498,
    }
    assert data["warnings"][0] == (
        "the file runs from 2025-07-01 19:00 to 2025-07-01 20:00, outside the show "
        "(2026-11-11 19:30 to 2026-11-11 22:37): is it this show's export?"
    )
    text = run(*args, "--dry-run", "--keep-dates", "--replace", db=db_url).stdout
    assert text.strip().endswith("not stored (--dry-run)")
    with closing(open_database(db_url)) as db:
        assert load_metrics(db, show_id).equals(before)


def test_another_days_export_is_refused_unless_the_user_says_shift_or_keep(
    sqlite_url: str,
) -> None:
    show_id = str(ok_json("demo", db=sqlite_url)["show_id"])
    with closing(open_database(sqlite_url)) as db:
        before = load_metrics(db, int(show_id))
    refused = run("import-metrics", str(GMV_FILE), "--show", show_id, db=sqlite_url)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1  # one line
    assert refused.stderr.startswith(
        f"liveplanner: {GMV_FILE.name} runs from 2025-07-01 19:00 to 2025-07-01 20:00, not "
        "during the show (2026-11-11 19:30 to 2026-11-11 22:"
    )
    assert "--shift-to-show-date to move it onto 2026-11-11" in refused.stderr
    assert "--keep-dates" in refused.stderr
    with closing(open_database(sqlite_url)) as db:
        assert load_metrics(db, int(show_id)).equals(before)

    shifted = ok_json(
        "import-metrics", str(GMV_FILE), "--show", show_id, "--shift-to-show-date", "--replace",
        db=sqlite_url,
    )  # fmt: skip
    assert (shifted["start"], shifted["end"]) == ("2026-11-11T19:00", "2026-11-11T20:00")
    assert shifted["shifted_days"] == 498 and shifted["warnings"] == [
        "columns not imported: room_id"
    ]
    review = ok_json("review", show_id, db=sqlite_url)
    assert review["outside"][0]["where"] == "before"  # 19:00-19:29, before the 19:30 opening

    kept = ok_json(
        "import-metrics", str(GMV_FILE), "--show", show_id, "--keep-dates", "--replace",
        db=sqlite_url,
    )  # fmt: skip
    assert kept["start"] == "2025-07-01T19:00" and kept["shifted_days"] == 0
    with closing(open_database(sqlite_url)) as db:
        stored = load_metrics(db, int(show_id))
    assert stored["minute"].iloc[0].isoformat() == "2025-07-01T11:00:00+00:00"
    both = run(
        "import-metrics", str(GMV_FILE), "--show", show_id, "--keep-dates",
        "--shift-to-show-date", db=sqlite_url,
    )  # fmt: skip
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_a_file_still_outside_the_show_once_moved_is_refused_even_with_the_shift(
    sqlite_url: str, tmp_path: Path
) -> None:
    show_id = str(ok_json("demo", db=sqlite_url)["show_id"])
    with closing(open_database(sqlite_url)) as db:
        before = load_metrics(db, int(show_id))
    morning = tmp_path / "morning.csv"  # the day before, and in the morning: no time of the show
    morning.write_text("时间,成交金额\n2026-11-10 08:00,100\n2026-11-10 08:01,90\n", "utf-8")
    result = run(
        "import-metrics", str(morning), "--show", show_id, "--shift-to-show-date", "--replace",
        db=sqlite_url,
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "liveplanner: morning.csv: even on the show's date it runs from 2026-11-11 08:00 to "
        "2026-11-11 08:0"
    )
    assert result.stderr.endswith("only --keep-dates imports it as it is\n")
    with closing(open_database(sqlite_url)) as db:
        assert load_metrics(db, int(show_id)).equals(before)


def test_a_refused_file_prints_the_message_exits_two_and_changes_nothing(
    sqlite_url: str, tmp_path: Path
) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    bad = tmp_path / "bad.csv"
    bad.write_text("时间,成交金额\n2026-11-11 20:00,100\n2026-11-11 20:01,abc\n", encoding="gbk")
    result = run("import-metrics", str(bad), "--show", str(show_id), db=sqlite_url)
    assert result.returncode == 2
    assert result.stderr == (
        "liveplanner: bad.csv, row 3, column “成交金额”: “abc” is not a number; expected such "
        "as 1234, 1,234.5, 1.2万, 3.5亿 or ¥99\n"
    )
    with closing(open_database(sqlite_url)) as db:
        assert len(load_metrics(db, show_id)) > 1000  # the demo's metrics are still there


def test_date_time_zone_and_preset_options(sqlite_url: str, tmp_path: Path) -> None:
    show_id = ok_json("new-show", "--title", "t", "--start", "2025-11-11 20:00", db=sqlite_url)[
        "show_id"
    ]
    export = tmp_path / "times.csv"
    export.write_text("时间,成交订单数\n20:00,3\n20:01,4\n", encoding="utf-8")
    # Another day's or zone's minutes than the show's: --keep-dates says they are meant so.
    args = (
        "import-metrics", str(export), "--show", str(show_id), "--json", "--keep-dates",
        "--replace",
    )  # fmt: skip
    data = json.loads(run(*args, "--date", "2025-11-12", db=sqlite_url).stdout)
    assert data["start"] == "2025-11-12T20:00"
    with closing(open_database(sqlite_url)) as db:
        first = load_metrics(db, show_id)["minute"].iloc[0]
    assert first.isoformat() == "2025-11-12T12:00:00+00:00"  # Shanghai is UTC+8
    run(*args, "--tz", "Europe/London", db=sqlite_url)
    with closing(open_database(sqlite_url)) as db:
        assert load_metrics(db, show_id)["minute"].iloc[0].isoformat() == (
            "2025-11-11T20:00:00+00:00"
        )
    bad = [
        (("--date", "11/12"), "--date '11/12' is not a date; expected YYYY-MM-DD"),
        (("--tz", "Mars/Base"), "Mars/Base"),
        (("--preset", "weibo"), "invalid choice: 'weibo'"),
    ]
    for extra, message in bad:
        result = run(*args, *extra, db=sqlite_url)
        assert result.returncode == 2 and message in result.stderr
    missing = run(
        "import-metrics", str(tmp_path / "none.csv"), "--show", str(show_id), db=sqlite_url
    )
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_a_show_with_metrics_is_refused_unless_replace_is_given(sqlite_url: str) -> None:
    show_id = str(ok_json("demo", db=sqlite_url)["show_id"])
    with closing(open_database(sqlite_url)) as db:
        before = load_metrics(db, int(show_id))
        stem = db.sqlite_path.stem if db.sqlite_path else ""
    args = ("import-metrics", str(GMV_FILE), "--show", show_id, "--shift-to-show-date")
    refused = run(*args, db=sqlite_url)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1  # one line
    assert refused.stderr.startswith(
        f"liveplanner: show {show_id} has 185 minutes of metrics already from demo (imported "
    )
    assert refused.stderr.endswith(
        "); give --replace to replace them with this file; a backup of the database is made first\n"
    )
    with closing(open_database(sqlite_url)) as db:
        assert load_metrics(db, int(show_id)).equals(before)
    assert not [p for p in list_backups(settings.backup_dir(), stem) if "metrics" in p.name]

    dry = run(*args, "--dry-run", db=sqlite_url)  # refused as the real run is
    assert dry.returncode == 2 and dry.stderr == refused.stderr
    dry = run(
        *args, "--dry-run", "--replace", db=sqlite_url
    )  # reading and reporting replaces nothing
    assert dry.returncode == 0 and dry.stdout.strip().endswith("not stored (--dry-run)")
    with closing(open_database(sqlite_url)) as db:
        assert load_metrics(db, int(show_id)).equals(before)

    replaced = ok_json(*args, "--replace", db=sqlite_url)
    assert replaced["minutes"] == 61
    with closing(open_database(sqlite_url)) as db:
        assert len(load_metrics(db, int(show_id))) == 61
    (backup,) = [p for p in list_backups(settings.backup_dir(), stem) if "metrics" in p.name]
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as old:
        (kept,) = old.execute(
            "SELECT count(*) FROM metric_samples WHERE show_id = ?", (int(show_id),)
        ).fetchone()
    assert kept == len(before)  # the replaced samples are in the backup


def test_a_show_without_metrics_needs_no_replace(sqlite_url: str) -> None:
    show_id = ok_json("new-show", "--title", "7·1", "--start", "2025-07-01 19:00", db=sqlite_url)[
        "show_id"
    ]
    data = ok_json("import-metrics", str(GMV_FILE), "--show", str(show_id), db=sqlite_url)
    assert data["minutes"] == 61


def test_the_command_line_offers_every_preset() -> None:
    assert list(PRESETS) == PRESET_NAMES


def test_a_pipe_a_device_or_a_folder_is_refused_before_it_is_read(
    db_url: str, tmp_path: Path
) -> None:
    """A FIFO blocked the import for ever and /dev/zero was read until memory ran out."""
    show_id = ok_json("demo", db=db_url)["show_id"]
    listed = ok_json("shows", db=db_url)["shows"]
    with closing(open_database(db_url)) as db:
        before = load_metrics(db, show_id)
    fifo = tmp_path / "metrics.csv"
    os.mkfifo(fifo)
    for path, kind in (
        (fifo, "a pipe or device"),
        (Path("/dev/zero"), "a pipe or device"),
        (tmp_path, "a folder"),
    ):
        for args in (("import-metrics", "--show", str(show_id), "--replace"), ("import-script",)):
            result = run(*args, str(path), db=db_url)
            assert result.returncode == 2
            assert result.stderr == f"liveplanner: {path} is {kind}; expected a file to import\n"
    assert ok_json("shows", db=db_url)["shows"] == listed  # no show was added
    with closing(open_database(db_url)) as db:
        assert load_metrics(db, show_id).equals(before)


NAMELESS = """时刻,卖了多少,此刻在线,累计成交
2025-07-01 19:00,10.5,100,10.5
2025-07-01 19:01,20,150,30.5
2025-07-01 19:02,0,120,30.5
"""


def test_columns_no_layout_knows_are_read_as_the_user_maps_them(
    sqlite_url: str, tmp_path: Path
) -> None:
    """--map HEADER=METRIC does what the import dialog's column boxes do: the file's own
    headers, read as the user says, reported column by column."""
    export = tmp_path / "我的导出.csv"
    export.write_text(NAMELESS, encoding="utf-8")
    show_id = ok_json("new-show", "--title", "7·1", "--start", "2025-07-01 19:00", db=sqlite_url)[
        "show_id"
    ]
    args = ("import-metrics", str(export), "--show", str(show_id))
    # Unmapped, only 此刻在线 is read: 在线 among its words; 卖了多少 names nothing known.
    unmapped = ok_json(*args, "--dry-run", db=sqlite_url)
    assert [(c["header"], c["metric"], c["source"]) for c in unmapped["columns"]][1:3] == [
        ("卖了多少", None, None),
        ("此刻在线", "online_viewers", "words"),
    ]
    data = ok_json(
        *args, "--map", "卖了多少=gmv", "--map", "此刻在线=online_viewers", db=sqlite_url
    )
    assert data["metrics"]["gmv"]["total"] == 30.5
    assert data["metrics"]["online_viewers"]["max"] == 150
    assert [(c["header"], c["metric"], c["source"]) for c in data["columns"]] == [
        ("时刻", None, "time"),
        ("卖了多少", "gmv", "user"),
        ("此刻在线", "online_viewers", "user"),
        ("累计成交", None, None),
    ]
    # A running total, as the dialog's "(running total)" choice: stored minute by minute.
    running = ok_json(
        *args,
        "--map",
        "累计成交=gmv:cumulative",
        "--map",
        "卖了多少=-",
        "--replace",
        db=sqlite_url,
    )
    assert running["metrics"]["gmv"]["total"] == 30.5
    assert running["columns"][3] == {
        "header": "累计成交",
        "metric": "gmv",
        "running_total": True,
        "source": "user",
    }
    with closing(open_database(sqlite_url)) as db:
        stored = load_metrics(db, show_id)
    gmv = stored[stored["metric"] == "gmv"].sort_values("minute")["value"].tolist()
    assert gmv == [10_50, 20_00, 0]
    text = run(*args, "--map", "卖了多少=GMV", "--replace", "--dry-run", db=sqlite_url)
    assert "columns: 卖了多少 → gmv" in text.stdout  # a metric's name in any case


def test_a_mapping_the_file_cannot_take_is_refused_in_one_line(
    sqlite_url: str, tmp_path: Path
) -> None:
    export = tmp_path / "导出.csv"
    export.write_text(NAMELESS, encoding="utf-8")
    show_id = ok_json("new-show", "--title", "7·1", "--start", "2025-07-01 19:00", db=sqlite_url)[
        "show_id"
    ]
    args = ("import-metrics", str(export), "--show", str(show_id))
    refusals = {
        "成交额=gmv": (
            "导出.csv has no column '成交额'; its columns: 时刻, 卖了多少, 此刻在线, 累计成交"
        ),
        "卖了多少=sales": "'sales' is not a metric liveplanner knows",
        "此刻在线=online_viewers:cumulative": "'online_viewers:cumulative' is not a metric",
        "时刻=gmv": "'时刻' is the column of times; it cannot be read as a metric",
        "卖了多少": "--map '卖了多少' is not HEADER=METRIC",
        "=gmv": "--map '=gmv' is not HEADER=METRIC",
    }
    for mapping, said in refusals.items():
        refused = run(*args, "--map", mapping, db=sqlite_url)
        assert refused.returncode == 2 and refused.stdout == "", mapping
        assert said in refused.stderr and refused.stderr.count("\n") == 1, refused.stderr
    with closing(open_database(sqlite_url)) as db:
        assert load_metrics(db, show_id).empty  # nothing was stored
