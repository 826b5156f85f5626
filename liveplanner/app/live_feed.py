"""The platform's figures while a show runs (issue 21): a live feed beside a show's live desk.

Three ways in, each checked line by line (core.live_feed) and kept per minute in the run's feed
minutes in the database as it arrives (storage.feed), so a crash loses nothing:

- a file a screen logger or export tool keeps appending (`follow_file`, read on each `poll`);
- a team's collector's JSON lines (`take_lines`: an HTTP endpoint passes its request's body);
- floor control typing online viewers now or GMV so far (`typed`).

A bad line is counted and its reason kept among the last few; it never raises into the caller,
stops nothing, and changes no figure already kept. After each change the alerts are judged
(core.live_alerts) and each newly raised one is written to the run's desk log. Once the live run
ends, its minutes become the show's metrics (`settle_feed`) unless the platform's export was
imported already. Safe to use from several threads (the window's and a web server's).
"""

import threading
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from liveplanner.app.feed_file import FileTail, line_text
from liveplanner.app.live_desk import LiveDesk
from liveplanner.core.alert_settings import AlertSettings
from liveplanner.core.enums import DeskEventKind, RunKind
from liveplanner.core.live_alerts import Alert, AlertLatch, alerts
from liveplanner.core.live_feed import (
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_TEXT_CHARS,
    REASONS_KEPT,
    FeedCount,
    FeedMinutes,
    FeedProblem,
    How,
    Reading,
    Tally,
    Window,
    lines_problem,
    problem,
    shown,
    to_stored,
    usual_scale,
)
from liveplanner.core.live_figures import LiveFigures, live_figures
from liveplanner.core.plan import shown_time, time_zone
from liveplanner.formats.cells import CellError, parse_number
from liveplanner.formats.metrics.feed_csv import CsvFeed
from liveplanner.formats.metrics.feed_json import json_readings, limit_shown, place
from liveplanner.storage import desk as desk_log
from liveplanner.storage import feed
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError
from liveplanner.storage.feed import FedRun

FEED_SOURCE = "live feed"  # the show's metrics' source once the feed's minutes are kept
FEED_PRESET = "live-feed"
ACTOR = "liveplanner"  # who raised an alert in the desk log
# What floor control types: online viewers now, and GMV so far (a running total, in yuan).
TYPED = {"online_viewers": How.SET, "gmv": How.TOTAL}
# A typed figure refused is worded for the field a person typed it into, not as a feed's line:
# (metric, the line's code) -> the field's code (app/messages/feed.py).
TYPED_REFUSALS = {
    ("online_viewers", "feed.not_a_number"): "feed.typed.online.not_a_number",
    ("online_viewers", "feed.negative"): "feed.typed.online.negative",
    ("online_viewers", "feed.out_of_range"): "feed.typed.online.out_of_range",
    ("online_viewers", "feed.minute_outside"): "feed.typed.online.clock",
    ("gmv", "feed.not_a_number"): "feed.typed.gmv.not_a_number",
    ("gmv", "feed.negative"): "feed.typed.gmv.negative",
    ("gmv", "feed.out_of_range"): "feed.typed.gmv.out_of_range",
    ("gmv", "feed.total_falls"): "feed.typed.gmv.total_falls",
    ("gmv", "feed.minute_outside"): "feed.typed.gmv.clock",
}
KEPT_ALERTS = 20  # the latest raised alerts a screen may show


@dataclass
class _Run:
    run: FedRun
    minutes: FeedMinutes
    latch: AlertLatch
    seen: int  # the last desk event this feed read: alerts after it were raised elsewhere
    tally: Tally = field(default_factory=Tally)
    settled: bool = False


class LiveFeed:
    def __init__(self, desk: LiveDesk, *, wall: Callable[[], datetime] | None = None) -> None:
        self.desk, self.db, self.plan = desk, desk.db, desk.plan
        self.zone = time_zone(self.plan.show.time_zone)
        self._wall = wall or desk.wall
        self._lock = threading.RLock()
        self.settings: AlertSettings = feed.alert_settings(self.db, self.plan.show.id)
        self.alerts: list[Alert] = []  # raised while this feed ran, oldest first
        self._run: _Run | None = None
        self._pending: dict[tuple[datetime, str], int] = {}  # not yet written (a refusal)
        self._tail: FileTail | None = None
        self._csv: CsvFeed | None = None
        self._preset: str | None = None
        self._mapping: tuple[tuple[str, str | None], ...] = ()

    def now(self) -> datetime:
        """The feed's clock: the minute a typed figure falls in."""
        return self._wall()

    # Ways in

    def follow_file(
        self,
        path: Path,
        preset: str | None = None,
        mapping: tuple[tuple[str, str | None], ...] = (),
    ) -> None:
        """Read `path` on each poll as it grows (its first line the header; `preset` a
        formats.metrics.presets name, else recognised from the header; `mapping` the user's
        columns as an import's). A header the feed cannot read is said once, and the file is
        then left until it is followed again."""
        with self._lock:
            self._tail, self._csv = FileTail(path), None
            self._preset, self._mapping = preset, mapping

    def take_lines(self, body: str | bytes) -> FeedCount:
        """Take a collector's JSON lines as an HTTP request's body holds them (bytes: each line
        UTF-8 or GBK); at most MAX_LINES, each at most MAX_LINE_CHARS (core.live_feed). Line
        numbers in the reasons count from 1 in the body."""
        lines = _lines_of(body)
        with self._lock:
            run = self._current()
            if run is None:
                return self._count(None, 0, [_no_run(sum(1 for x in lines if x))])
            window = self._window(run)
            readings: list[tuple[int, Reading]] = []
            problems: list[FeedProblem] = []
            taken = 0
            for number, line in enumerate(lines, 1):
                if number > MAX_LINES:
                    rest = sum(1 for x in lines[MAX_LINES:] if x)
                    if rest:
                        problems.append(_too_many(number, rest))
                    break
                if isinstance(line, bytes):
                    bytes_shown = shown(line[:40].hex(" "))
                    problems.append(problem(number, "feed.not_text", value=bytes_shown))
                elif len(line) > MAX_LINE_CHARS:
                    problems.append(problem(number, "feed.line_too_long", most=MAX_LINE_CHARS))
                elif line.strip():
                    found = json_readings(line, number, self.zone, window)
                    if isinstance(found, FeedProblem):
                        problems.append(found)
                    else:
                        taken += 1
                        readings += [(number, reading) for reading in found]
            if len(body) > MAX_TEXT_CHARS:
                problems.append(problem(len(lines), "feed.text_too_long", most=MAX_TEXT_CHARS))
            return self._apply(run, readings, problems, taken)

    def typed(self, metric: str, value: object, actor: str, wall: datetime) -> FeedCount:
        """A figure floor control typed: `online_viewers` now, or `gmv` so far in yuan ("56,000",
        "5.6万"); placed in `wall`'s minute and logged with `actor` in the desk log. A refusal
        names the field as the person sees it (TYPED_REFUSALS)."""
        with self._lock:
            run = self._current()
            if run is None:
                return self._count(None, 0, [problem(1, "desk.no_run")])
            how = TYPED.get(metric)
            if how is None:
                wrong = problem(1, "feed.typed_metric", metric=shown(metric))
                return self._count(run, 0, [wrong])
            stored = _typed_value(metric, value)
            if isinstance(stored, FeedProblem):
                return self._count(run, 0, [_as_typed(metric, stored)])
            self._catch_up(run)
            clock = shown_time(wall.astimezone(self.zone))
            minute = place(wall, self.zone, self._window(run), 1, metric, clock)
            if isinstance(minute, FeedProblem):
                return self._count(run, 0, [_as_typed(metric, minute)])
            reading = Reading(minute, metric, stored, how)
            count = self._apply(run, [(1, reading)], [], 1, typed=metric)
            if not count.bad:
                # The figure is kept either way: who typed it is the log's, not the figure's.
                with suppress(StorageError):
                    desk_log.log_desk_event(
                        self.db, run.run.id, DeskEventKind.TYPED, wall, f"feed:{metric}", actor,
                        stored,
                    )  # fmt: skip
            return count

    def poll(self) -> FeedCount:
        """Read what the followed file gained, judge the alerts, and keep the feed's minutes as
        the show's metrics once the live run has ended. Call it as often as the desk's poll."""
        with self._lock:
            run = self._current()
            if run is None:
                return FeedCount()
            readings: list[tuple[int, Reading]] = []
            problems: list[FeedProblem] = []
            taken = 0
            source = self._tail.path.name if self._tail is not None else None
            if self._tail is not None:
                read = self._tail.read()
                problems += read.problems
                if read.restarted or self._csv is None:
                    name, started = self._tail.path.name, run.run.started_at
                    self._csv = CsvFeed(name, self.zone, started, self._preset, self._mapping)
                window = self._window(run)
                for number, line in read.lines:
                    if not self._csv.has_header:
                        refused = self._csv.header(line)
                        if refused is not None:
                            problems.append(refused)
                            self._tail = None  # nothing more to read from it: said once
                            break
                        continue
                    found = self._csv.readings(line, number, window)
                    if isinstance(found, FeedProblem):
                        problems.append(found)
                    elif found:
                        taken += 1
                        readings += [(number, reading) for reading in found]
            if source is not None:  # each reason names the file it is about
                problems = [replace(p, figures={**p.figures, "source": source}) for p in problems]
            return self._apply(run, readings, problems, taken)

    # What the screens show

    def figures(self) -> LiveFigures:
        """The run's figures now, and after it ended (the plan's, counting nothing, before a
        run)."""
        reading = self.desk.view().reading
        with self._lock:
            self._current()
            run = self._run
            minutes = run.minutes if run is not None else FeedMinutes()
            tally = run.tally if run is not None else Tally()
            return live_figures(self.plan, reading, minutes, tally)

    # Inside

    def _current(self) -> _Run | None:
        """The run the desk follows, while it is open; a run just ended is settled here."""
        followed = self.desk.followed
        if followed is None:
            return None
        if self._run is None or self._run.run.id != followed.run_id:
            run = feed.fed_run(self.db, followed.run_id)
            if run is None:
                return None
            logged = desk_log.desk_events(self.db, run.id)
            standing = {e.item for e in logged if e.kind is DeskEventKind.ALERT}
            minutes = FeedMinutes(feed.feed_samples(self.db, run.id))
            seen = logged[-1].seq if logged else -1
            self._run, self._pending = _Run(run, minutes, AlertLatch(standing), seen), {}
            if self._csv is not None:  # the file's header is read already: its rows go on
                self._csv.new_run(run.started_at)
        if followed.ended:
            if not self._run.settled:
                self._run.settled = True
                try:
                    settle_feed(self.db, followed.run_id)
                except StorageError:
                    self._run.settled = False  # tried again on the next poll
            return None
        return self._run

    def _catch_up(self, run: _Run) -> None:
        """Take in what other feeds of the run wrote since this one read it (the sharing's pages
        and a role's window each type through a feed of their own, maybe in another process):
        the minutes as stored, with this feed's own not yet written over them, and the alerts
        raised, so a running total typed here counts from the latest minutes and an alert is
        not raised twice. Kept as it was when the database cannot be read just now."""
        try:
            stored = feed.feed_samples(self.db, run.run.id)
            logged = desk_log.desk_events(self.db, run.run.id, run.seen)
        except (StorageError, SQLAlchemyError):
            return
        minutes = FeedMinutes(stored)
        for (minute, metric), value in self._pending.items():
            minutes.values.setdefault(metric, {})[minute] = value
        run.minutes = minutes
        run.latch.standing |= {e.item for e in logged if e.kind is DeskEventKind.ALERT}
        if logged:
            run.seen = logged[-1].seq

    def _window(self, run: _Run) -> Window:
        return Window.of_run(run.run.started_at, self._wall())

    def _apply(
        self,
        run: _Run,
        readings: list[tuple[int, Reading]],
        problems: list[FeedProblem],
        taken: int,
        typed: str | None = None,
    ) -> FeedCount:
        """Keep the readings and judge the alerts; `typed`: the metric of a field floor control
        typed the one reading into, whose refusal is worded for that field."""
        changed, refused = run.minutes.put(readings)
        problems += refused if typed is None else [_as_typed(typed, p) for p in refused]
        kept = self._store(run, changed, problems)
        self._judge(run)
        return self._count(run, taken - len(refused), problems, kept)

    def _store(
        self, run: _Run, changed: Mapping[tuple[datetime, str], int], problems: list[FeedProblem]
    ) -> int:
        self._pending.update(changed)
        if not self._pending:
            return 0
        try:
            feed.put_feed_samples(self.db, run.run.id, self._pending)
        except (StorageError, SQLAlchemyError):
            # Kept, in memory and for the screens, and written with the next figures.
            problems.append(problem(0, "feed.not_stored", count=len(self._pending)))
            return 0
        kept, self._pending = len(self._pending), {}
        return kept

    def _judge(self, run: _Run) -> None:
        view = self.desk.view()
        figures = live_figures(self.plan, view.reading, run.minutes, run.tally, points=False)
        online = run.minutes.series("online_viewers")[-(self.settings.viewers_window_min + 1) :]
        index = view.reading.index
        found = alerts(self.settings, self.plan, index, online, figures, view.promos)
        for alert in run.latch.raised(found):
            try:
                desk_log.log_desk_event(
                    self.db, run.run.id, DeskEventKind.ALERT, self._wall(), alert.item, ACTOR,
                    alert.quantity,
                )  # fmt: skip
            except StorageError:
                run.latch.standing.discard(alert.item)  # raised again on the next judging
                continue
            self.alerts = [*self.alerts, alert][-KEPT_ALERTS:]

    def _count(
        self, run: _Run | None, taken: int, problems: list[FeedProblem], kept: int = 0
    ) -> FeedCount:
        problems.sort(key=lambda p: p.line)
        bad = sum(p.lines for p in problems)
        count = FeedCount(max(taken, 0), bad, kept, tuple(problems[-REASONS_KEPT:]))
        if run is not None:
            run.tally.add(count)
        return count


def _lines_of(body: str | bytes) -> list[str | bytes]:
    """The body's lines, read no further than MAX_TEXT_CHARS; a line that is no text is left
    as its bytes."""
    if isinstance(body, str):
        return [line.removesuffix("\r") for line in body[:MAX_TEXT_CHARS].split("\n")]
    raws = [raw.removesuffix(b"\r") for raw in body[:MAX_TEXT_CHARS].split(b"\n")]
    return [raw if (text := line_text(raw)) is None else text for raw in raws]


def _no_run(lines: int) -> FeedProblem:
    return lines_problem(1, "feed.no_run", lines)


def _too_many(number: int, rest: int) -> FeedProblem:
    return lines_problem(number, "feed.too_many_lines", rest, most=MAX_LINES)


def _as_typed(metric: str, reason: FeedProblem) -> FeedProblem:
    code = TYPED_REFUSALS.get((metric, reason.code), reason.code)
    return replace(reason, code=code)


def _typed_value(metric: str, value: object) -> int | FeedProblem:
    try:
        if isinstance(value, bool) or value is None:
            raise CellError("not a number")
        if isinstance(value, str) and value.strip().endswith(("%", "％")):
            raise CellError("a share")
        amount = parse_number(value)
        if amount is None:
            raise CellError("empty")
    except CellError:
        return problem(1, "feed.not_a_number", column=metric, value=shown(value))
    stored = to_stored(metric, Decimal(amount), usual_scale(metric))
    if isinstance(stored, str):
        figures: dict[str, object] = {"column": metric, "value": shown(value)}
        if stored == "feed.out_of_range":
            figures["limit"] = limit_shown(metric)
        elif stored == "feed.negative":
            figures["metric"] = metric
        return problem(1, stored, **figures)
    return stored


def settle_feed(db: Database, run_id: int) -> int | None:
    """Keep an ended live run's feed minutes as the show's metrics (source FEED_SOURCE, through
    storage.samples.replace_metrics, which backs up what it replaces); the samples kept, or None
    when nothing was done: not a live run, not ended, no feed minutes, or the show's metrics
    came from an import (the platform's export wins over the feed)."""
    import pandas as pd

    from liveplanner.storage.samples import ImportSource, replace_metrics, stored_metrics

    run = feed.fed_run(db, run_id)
    if run is None or run.ended_at is None or run.kind is not RunKind.LIVE:
        return None
    samples = feed.feed_samples(db, run_id)
    if not samples:
        return None
    stored = stored_metrics(db, run.show_id)
    if stored is not None and stored.source.preset != FEED_PRESET:
        return None
    frame = pd.DataFrame(
        {
            "minute": pd.to_datetime([minute for minute, _, _ in samples], utc=True),
            "metric": [metric for _, metric, _ in samples],
            "value": pd.array([value for _, _, value in samples], dtype="int64"),
        }
    )
    source = ImportSource(FEED_SOURCE, FEED_PRESET, "", len(samples))
    return replace_metrics(db, run.show_id, frame, source)


def run_figures(desk: LiveDesk) -> LiveFigures:
    """The figures of the run the desk follows, from the feed minutes in the database: for a
    screen in another process than the feed's (lines and reasons are the feed's own: 0 here)."""
    followed = desk.followed
    samples = feed.feed_samples(desk.db, followed.run_id) if followed is not None else []
    return live_figures(desk.plan, desk.view().reading, FeedMinutes(samples), Tally())
