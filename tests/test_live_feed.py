"""The live feed beside a show's desk (app.live_feed) on SQLite and PostgreSQL, on injected
clocks: a collector's lines, a growing file and floor control's typing kept per minute as they
arrive (a new feed after a crash finds them), hostile input counted and never raised, alerts
written once to the desk log, and the feed's minutes kept as the show's metrics when the live
run ends, until an import replaces them after a backup."""

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liveplanner.app.demo import demo_plan
from liveplanner.app.demo_feed import demo_feed_rows
from liveplanner.app.feed_words import alert_words, reason_words
from liveplanner.app.live_alerts import set_show_alerts, show_alerts
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.live_feed import FEED_SOURCE, LiveFeed, run_figures, settle_feed
from liveplanner.app.messages import TEXTS
from liveplanner.app.metrics import MetricsRequest, import_metrics
from liveplanner.app.run_log import RunLog
from liveplanner.app.translations import translator
from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.clock import SegmentTimer, timer_segments
from liveplanner.core.enums import DeskEventKind, Role, RunKind
from liveplanner.core.live_feed import MAX_LINES
from liveplanner.core.refused import Refused
from liveplanner.storage import desk as desk_log
from liveplanner.storage import feed as feed_store
from liveplanner.storage.database import Database
from liveplanner.storage.samples import import_source, load_metrics
from liveplanner.storage.shows import load_plan, save_plan

T0 = datetime(2026, 11, 11, 11, 30, tzinfo=UTC)  # the demo's 19:30 in Shanghai


class Studio:
    """The host's timer writing the run log, a desk following it and a feed beside the desk,
    all on one injected clock."""

    def __init__(self, db: Database, kind: RunKind = RunKind.LIVE) -> None:
        self.db, self.at = db, 0.0
        self.show_id = save_plan(db, demo_plan())
        plan = load_plan(db, self.show_id)
        self.timer = SegmentTimer(timer_segments(plan), self.now, self.wall)
        self.log = RunLog(db, self.show_id, kind)
        self.log.write(self.timer.start())
        self.desk = LiveDesk(db, self.show_id, now=self.now, wall=self.wall)
        self.feed = LiveFeed(self.desk, wall=self.wall)

    def now(self) -> float:
        return 100.0 + self.at

    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.at)

    def press(self, action: str) -> None:
        self.log.write(getattr(self.timer, action)())
        self.desk.poll()

    @property
    def run_id(self) -> int:
        assert self.log.run_id is not None
        return self.log.run_id


def _line(minute: int, **figures: float) -> str:
    return json.dumps({"minute": (T0 + timedelta(minutes=minute)).isoformat(), **figures})


def _stored(db: Database, run_id: int) -> dict[tuple[int, str], int]:
    return {
        (int((m - T0).total_seconds()) // 60, metric): value
        for m, metric, value in feed_store.feed_samples(db, run_id)
    }


def test_a_collectors_lines_are_kept_per_minute_and_a_new_feed_finds_them(db: Database) -> None:
    studio = Studio(db)
    studio.at = 300
    text = "\n".join(
        [_line(0, online_viewers=900, gmv=100.5), _line(1, gmv=20), _line(1, gmv=30.25), ""]
    )
    count = studio.feed.take_lines(text)
    assert (count.taken, count.bad, count.kept, count.reasons) == (3, 0, 3, ())
    assert _stored(db, studio.run_id) == {
        (0, "online_viewers"): 900,
        (0, "gmv"): 10_050,
        (1, "gmv"): 3_025,  # the minute sent again: its latest figure
    }
    # The app stops and starts again mid-show: a new feed goes on from what was kept.
    again = LiveFeed(LiveDesk(db, studio.show_id, now=studio.now, wall=studio.wall))
    figures = again.figures()
    assert (figures.online_now, figures.gmv_fen) == (900, 13_075)
    assert run_figures(studio.desk).gmv_fen == 13_075


def test_hostile_lines_are_counted_with_reasons_and_change_nothing_kept(db: Database) -> None:
    studio = Studio(db)
    studio.at = 300
    studio.feed.take_lines(_line(0, online_viewers=900, gmv=100))
    hostile = [
        "\x00\x01\x02 binary",
        "x" * 5_000,
        _line(0, online_viewers=float("nan")),
        _line(0, online_viewers=-1),
        '{"minute": "9999-01-01T00:00:00+08:00", "gmv": 1}',
        '{"gmv": 5}',
        _line(0, gmv="12"),  # type: ignore[arg-type]  # a wrong type, on purpose
        _line(0, online_viewers=5, gvm=3),
    ]
    count = studio.feed.take_lines("\n".join(hostile))
    assert (count.taken, count.bad, count.kept) == (0, 8, 0)
    assert [r.line for r in count.reasons] == [4, 5, 6, 7, 8]  # the last five
    assert [r.code for r in count.reasons] == [
        "feed.negative",
        "feed.minute_outside",
        "feed.no_minute",
        "feed.not_a_number",
        "feed.unknown_key",
    ]
    assert reason_words(count.reasons[0]) == (
        "line 4, online_viewers: “-1” is below zero; online_viewers is never negative"
    )
    assert _stored(db, studio.run_id) == {(0, "online_viewers"): 900, (0, "gmv"): 10_000}
    figures = studio.feed.figures()
    assert (figures.lines, figures.bad_lines, len(figures.reasons)) == (1, 8, 5)


def test_more_lines_than_one_call_takes_are_refused_in_one_reason(db: Database) -> None:
    studio = Studio(db)
    studio.at = 300
    count = studio.feed.take_lines("\n".join([_line(0, likes=1)] * (MAX_LINES + 7)))
    assert (count.taken, count.bad) == (MAX_LINES, 7)
    assert [(r.line, r.code) for r in count.reasons] == [(MAX_LINES + 1, "feed.too_many_lines")]


def test_lines_without_an_open_run_are_refused_and_kept_nowhere(db: Database) -> None:
    studio = Studio(db)
    studio.press("end")
    count = studio.feed.take_lines(_line(0, likes=1) + "\n" + _line(1, likes=2))
    assert (count.taken, count.bad, [r.code for r in count.reasons]) == (0, 2, ["feed.no_run"])
    assert _stored(db, studio.run_id) == {}


def test_floor_control_types_viewers_now_and_gmv_so_far(db: Database) -> None:
    studio = Studio(db)
    studio.at = 60
    assert studio.feed.typed("gmv", "1.2万", "王磊", studio.wall()).kept == 1
    studio.at = 185
    assert studio.feed.typed("online_viewers", "3,400", "王磊", studio.wall()).kept == 1
    assert studio.feed.typed("gmv", 15_000, "王磊", studio.wall()).kept == 1
    assert _stored(db, studio.run_id) == {
        (1, "gmv"): 1_200_000,
        (3, "online_viewers"): 3_400,
        (3, "gmv"): 300_000,  # ¥15,000 so far less the ¥12,000 before
    }
    refused = [
        studio.feed.typed("orders", 5, "王磊", studio.wall()),
        studio.feed.typed("gmv", "50%", "王磊", studio.wall()),
        studio.feed.typed("gmv", 100, "王磊", studio.wall()),  # below what was counted
        studio.feed.typed("gmv", 1, "王磊", T0 + timedelta(days=3)),
    ]
    assert [c.reasons[0].code for c in refused] == [
        "feed.typed_metric",
        "feed.typed.gmv.not_a_number",
        "feed.typed.gmv.total_falls",
        "feed.typed.gmv.clock",
    ]
    # Each is said as the field floor control typed into, not as a feed's line.
    said = [reason_words(c.reasons[0]) for c in refused[1:]]
    assert said == [
        "GMV so far: “50%” is not a number; type the yuan taken so far, such as 56,000",
        "GMV so far: ¥100 is less than the ¥12000 counted before this minute; type the show’s "
        "total so far, not this minute’s",
        "GMV so far: not taken, this computer’s clock says 2026-11-14 19:30, outside this run "
        "(2026-11-11 17:30 to 2026-11-11 19:38); check the clock",
    ]
    chinese = [reason_words(c.reasons[0], translator("zh_CN")) for c in refused[1:]]
    assert all(w.startswith("累计成交额：") and "行" not in w for w in chinese), chinese
    typed = [e for e in desk_log.desk_events(db, studio.run_id) if e.kind is DeskEventKind.TYPED]
    assert [(e.item, e.actor, e.quantity) for e in typed] == [
        ("feed:gmv", "王磊", 1_200_000),
        ("feed:online_viewers", "王磊", 3_400),
        ("feed:gmv", "王磊", 1_500_000),
    ]


def _append(path: Path, text: str, encoding: str = "utf-8") -> None:
    with path.open("ab") as handle:
        handle.write(text.encode(encoding))


def test_a_growing_file_is_read_as_it_grows_complete_lines_only(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db)
    studio.at = 600
    path = tmp_path / "logger.csv"
    _append(path, "\ufeff采集时间,在线人数,累计成交金额\n19:30:30,800,100\n19:31:00,90")
    studio.feed.follow_file(path)
    assert studio.feed.poll().taken == 1
    assert _stored(db, studio.run_id) == {(0, "online_viewers"): 800, (0, "gmv"): 10_000}
    _append(path, "0,250\n19:32:00,1.1万,400\n")  # the half line completed, and one more
    count = studio.feed.poll()
    assert (count.taken, count.bad) == (2, 0)
    assert _stored(db, studio.run_id) == {
        (0, "online_viewers"): 800,
        (0, "gmv"): 10_000,
        (1, "online_viewers"): 900,
        (1, "gmv"): 15_000,
        (2, "online_viewers"): 11_000,
        (2, "gmv"): 15_000,
    }
    assert studio.feed.poll() == type(count)()  # nothing new


def test_a_file_truncated_or_replaced_by_a_shorter_one_is_read_again_from_its_start(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db)
    studio.at = 600
    path = tmp_path / "logger.csv"
    _append(path, "时间,在线人数\n19:30,800\n19:31,900\n19:32,950\n")
    studio.feed.follow_file(path)
    assert studio.feed.poll().taken == 3
    path.write_text("时间,在线人数\n19:31,700\n", encoding="utf-8")  # truncated and rewritten
    assert studio.feed.poll().taken == 1
    replacement = tmp_path / "new.csv"
    replacement.write_text("时间,在线人数\n19:33,1000\n", encoding="utf-8")
    replacement.replace(path)  # another file under the name: a new inode
    assert studio.feed.poll().taken == 1
    assert _stored(db, studio.run_id) == {
        (0, "online_viewers"): 800,
        (1, "online_viewers"): 700,
        (2, "online_viewers"): 950,
        (3, "online_viewers"): 1000,
    }


def test_a_files_hostile_lines_are_counted_and_the_good_ones_kept(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db)
    studio.at = 600
    path = tmp_path / "logger.csv"
    _append(path, "时间,在线人数\n")
    with path.open("ab") as handle:
        handle.write(b"\x00\xff\xfe\n" + b"9" * 20_000 + b"\n" + "19:31,八百\n".encode("gbk"))
        handle.write("19:32,-5\n9999-01-01 00:00,5\n19:33,1.2万\n".encode("gbk"))
    studio.feed.follow_file(path)
    count = studio.feed.poll()
    assert (count.taken, count.bad) == (1, 5)
    assert [(r.line, r.code) for r in count.reasons] == [
        (2, "feed.not_text"),
        (3, "feed.line_too_long"),
        (4, "feed.not_a_number"),
        (5, "feed.negative"),
        (6, "feed.minute_outside"),
    ]
    # Each reason names the file, then the line, as an import's refusal does.
    assert reason_words(count.reasons[3]) == (
        "logger.csv, line 5, 在线人数: “-5” is below zero; online_viewers is never negative"
    )
    assert _stored(db, studio.run_id) == {(3, "online_viewers"): 12_000}


def test_a_file_that_cannot_be_read_is_said_once(db: Database, tmp_path: Path) -> None:
    studio = Studio(db)
    studio.feed.follow_file(tmp_path / "missing.csv")
    first = studio.feed.poll()
    assert [(r.line, r.code) for r in first.reasons] == [(0, "feed.file_unreadable")]
    assert first.bad == 0 and studio.feed.poll().reasons == ()
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("时间,在线人数\n19:30,800\n", encoding="utf-16")
    studio.feed.follow_file(utf16)
    assert [r.code for r in studio.feed.poll().reasons] == ["feed.file_utf16"]


def test_two_feeds_of_a_run_type_gmv_so_far_from_each_others_minutes(db: Database) -> None:
    """The sharing's pages and a role's window each type through a feed of their own: a running
    total typed on one counts from what the other kept since, and an alert one raised is not
    raised again by the other."""
    studio = Studio(db)
    window = LiveFeed(LiveDesk(db, studio.show_id, now=studio.now, wall=studio.wall))
    studio.at = 60
    assert window.typed("gmv", "1,000", "王磊", studio.wall()).kept == 1  # it reads the run now
    studio.at = 130
    assert studio.feed.typed("gmv", "3,000", "赵敏", studio.wall()).kept == 1
    studio.at = 250
    assert window.typed("gmv", "6,000", "王磊", studio.wall()).kept == 1
    assert _stored(db, studio.run_id) == {
        (1, "gmv"): 100_000,
        (2, "gmv"): 200_000,
        (4, "gmv"): 300_000,  # ¥6,000 less the ¥3,000 the pages' feed kept: not less ¥1,000
    }
    studio.feed.take_lines("\n".join(_line(i, online_viewers=1000) for i in range(5, 10)))
    studio.at = 660
    studio.feed.take_lines(_line(10, online_viewers=600))
    assert _alerts(db, studio.run_id) == [("alert:viewers_drop", 600)]
    assert window.typed("online_viewers", "550", "王磊", studio.wall()).kept == 1
    assert _alerts(db, studio.run_id) == [("alert:viewers_drop", 600)]


def _alerts(db: Database, run_id: int) -> list[tuple[str, int | None]]:
    events = desk_log.desk_events(db, run_id)
    return [(e.item, e.quantity) for e in events if e.kind is DeskEventKind.ALERT]


def test_viewers_dropping_write_one_alert_until_they_recover(db: Database) -> None:
    studio = Studio(db)
    studio.at = 600
    studio.feed.take_lines("\n".join(_line(i, online_viewers=1000) for i in range(5)))
    studio.feed.take_lines(_line(5, online_viewers=700))
    studio.feed.take_lines(_line(6, online_viewers=650))  # still down: no second alert
    assert _alerts(db, studio.run_id) == [("alert:viewers_drop", 700)]
    assert alert_words(studio.feed.alerts[0]).startswith(
        "Online viewers down 30% in 5 minutes (1,000 to 700): move on to the benefit"
    )
    studio.at = 900
    studio.feed.take_lines(_line(7, online_viewers=1000))  # recovered: cleared
    studio.feed.take_lines(_line(8, online_viewers=600))
    assert _alerts(db, studio.run_id) == [("alert:viewers_drop", 700), ("alert:viewers_drop", 600)]


def test_a_flash_sale_sold_out_writes_its_alert_on_the_next_poll(db: Database) -> None:
    studio = Studio(db)
    for _ in range(5):  # the demo's first flash sale is its sixth segment
        studio.press("next")
    view = studio.desk.view(Role.FLOOR_CONTROL)
    sale = next(p for p in view.promos if p.kind.value == "flash_sale")
    studio.desk.count(DeskEventKind.SOLD_OUT, f"promo:{sale.id}", None, "王磊", Role.FLOOR_CONTROL)
    studio.feed.poll()
    studio.feed.poll()
    sold = [a for a in _alerts(db, studio.run_id) if a[0].startswith("alert:sold_out")]
    assert sold == [(f"alert:sold_out:promo:{sale.id}", sale.released)]


def test_gmv_behind_the_pace_writes_its_alert_and_a_show_can_turn_it_off(db: Database) -> None:
    studio = Studio(db)
    studio.at = 300
    studio.feed.take_lines(_line(4, gmv=10))  # 5 minutes in: too early to call
    studio.at = 480
    studio.press("next")  # 8 minutes of plan done, then 3 more of the lucky draw
    studio.at = 660
    studio.feed.take_lines(_line(10, gmv=10))
    assert [item for item, _ in _alerts(db, studio.run_id)] == ["alert:pace_behind"]
    quiet = Studio(db)
    feed_store.set_alert_settings(db, quiet.show_id, AlertSettings(pace_behind_bp=0))
    assert feed_store.alert_settings(db, quiet.show_id) == AlertSettings(pace_behind_bp=0)
    feed = LiveFeed(quiet.desk, wall=quiet.wall)
    quiet.at = 480
    quiet.press("next")
    quiet.at = 660
    feed.take_lines(_line(10, gmv=10))
    assert _alerts(db, quiet.run_id) == []


def test_the_feeds_minutes_become_the_shows_metrics_when_the_live_run_ends(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db)
    studio.at = 300
    studio.feed.take_lines(_line(0, online_viewers=900, gmv=100) + "\n" + _line(1, gmv=50))
    studio.press("end")
    assert studio.feed.poll().taken == 0  # settles once the desk sees the run ended
    source = import_source(db, studio.show_id)
    assert source is not None and source.file_name == FEED_SOURCE
    metrics = load_metrics(db, studio.show_id)
    assert sorted(zip(metrics["metric"], metrics["value"], strict=True)) == [
        ("gmv", 5_000),
        ("gmv", 10_000),
        ("online_viewers", 900),
    ]
    assert settle_feed(db, studio.run_id) == 3  # again: the feed's own replaced, same minutes
    # The platform's export, imported over them, replaces them after a backup.
    export = tmp_path / "export.csv"
    export.write_text(
        "时间,实时在线人数,成交金额\n2026-11-11 19:30,1000,120\n2026-11-11 19:31,1100,80\n",
        encoding="utf-8",
    )
    import_metrics(db, studio.show_id, export, MetricsRequest(replace=True))
    source = import_source(db, studio.show_id)
    assert source is not None and source.file_name == "export.csv"
    assert settle_feed(db, studio.run_id) is None  # the export wins over the feed
    if db.makes_backups:
        assert list((tmp_path / "backups").glob("*"))


def test_a_rehearsal_or_an_open_run_is_not_kept_as_the_shows_metrics(db: Database) -> None:
    rehearsal = Studio(db, RunKind.REHEARSAL)
    rehearsal.at = 300
    rehearsal.feed.take_lines(_line(0, gmv=100))
    assert settle_feed(db, rehearsal.run_id) is None  # still open
    rehearsal.press("end")
    assert settle_feed(db, rehearsal.run_id) is None  # a rehearsal's figures are no show's
    assert import_source(db, rehearsal.show_id) is None


@pytest.mark.parametrize("metric", ["gmv", "online_viewers"])
def test_a_run_that_ended_takes_no_more_figures(db: Database, metric: str) -> None:
    studio = Studio(db)
    studio.at = 60
    studio.feed.take_lines(_line(0, **{metric: 5}))
    studio.press("end")
    assert studio.feed.typed(metric, 9, "王磊", studio.wall()).reasons[0].code == "desk.no_run"
    assert _stored(db, studio.run_id) == {(0, metric): 500 if metric == "gmv" else 5}


def test_every_reason_the_feed_gives_is_worded_in_the_catalogue() -> None:
    package = Path(__file__).parent.parent / "liveplanner"
    sources = [*package.glob("**/*feed*.py"), package / "core" / "live_alerts.py"]
    codes = {c for path in sources for c in re.findall(r'"(feed\.[a-z_.]+)"', path.read_text())}
    assert codes and codes <= set(TEXTS)


def test_a_shows_alert_settings_are_kept_checked_and_read_back(db: Database) -> None:
    show_id = save_plan(db, demo_plan())
    assert show_alerts(db, show_id) == AlertSettings()
    set_show_alerts(db, show_id, AlertSettings(viewers_drop_bp=3_000, viewers_window_min=10))
    assert show_alerts(db, show_id) == AlertSettings(viewers_drop_bp=3_000, viewers_window_min=10)
    with pytest.raises(Refused) as refused:
        set_show_alerts(db, show_id, AlertSettings(pace_behind_bp=20_000))
    assert refused.value.code == "feed.alert_setting"
    assert show_alerts(db, show_id).pace_behind_bp == AlertSettings().pace_behind_bp


def test_a_file_followed_into_the_next_run_goes_on_with_its_rows(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db, RunKind.REHEARSAL)
    studio.at = 120
    path = tmp_path / "logger.csv"
    _append(path, "时间,在线人数,成交金额\n19:30,800,10\n")
    studio.feed.follow_file(path)
    assert studio.feed.poll().taken == 1
    first = studio.run_id
    studio.press("end")
    studio.log = RunLog(db, studio.show_id, RunKind.LIVE)
    studio.timer = SegmentTimer(timer_segments(studio.desk.plan), studio.now, studio.wall)
    studio.log.write(studio.timer.start())
    studio.desk.poll()
    _append(path, "19:31,900,20\n19:32,950,30\n")
    assert studio.feed.poll().taken == 2
    assert studio.run_id != first
    assert _stored(db, studio.run_id) == {
        (1, "online_viewers"): 900,
        (1, "gmv"): 2_000,
        (2, "online_viewers"): 950,
        (2, "gmv"): 3_000,
    }


def test_a_request_body_is_taken_as_it_came_line_by_line(db: Database) -> None:
    studio = Studio(db)
    studio.at = 300
    body = (_line(0, likes=7) + "\r\n").encode() + b"\xff\xfe\x00garbage\n" + b"\n"
    body += _line(1, comments=2).encode("gbk")
    count = studio.feed.take_lines(body)
    assert (count.taken, count.bad, [(r.line, r.code) for r in count.reasons]) == (
        2,
        1,
        [(2, "feed.not_text")],
    )
    assert _stored(db, studio.run_id) == {(0, "likes"): 7, (1, "comments"): 2}


def test_the_demo_loggers_file_read_as_it_grows_gives_the_demos_own_minutes(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db)
    rows = list(demo_feed_rows(studio.desk.plan, T0))
    path = tmp_path / "logger.csv"
    studio.feed.follow_file(path)
    for moment, line in rows[:31]:  # the first half hour, appended as the clock reaches it
        studio.at = (moment - T0).total_seconds()
        _append(path, line + "\n")
        studio.feed.poll()
    figures = studio.feed.figures()
    assert (figures.lines, figures.bad_lines) == (30, 0)
    online = [int(line.split(",")[1]) for _, line in rows[1:31]]
    assert [p.online_viewers for p in figures.points] == online
    assert figures.gmv_fen == round(float(rows[30][1].split(",")[2]) * 100)


def test_a_line_too_long_still_being_written_is_passed_over_to_its_end(
    db: Database, tmp_path: Path
) -> None:
    studio = Studio(db)
    studio.at = 600
    path = tmp_path / "logger.csv"
    _append(path, "时间,在线人数\n" + "9" * 20_000)
    studio.feed.follow_file(path)
    first = studio.feed.poll()
    assert (first.taken, first.bad, [(r.line, r.code) for r in first.reasons]) == (
        0,
        1,
        [(2, "feed.line_too_long")],
    )
    _append(path, "9" * 30_000 + "\n19:31,800\n")
    second = studio.feed.poll()
    assert (second.taken, second.bad) == (1, 0)
    assert _stored(db, studio.run_id) == {(1, "online_viewers"): 800}
