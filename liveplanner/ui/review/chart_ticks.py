"""The live desk's ticks on the review chart's strip: one small mark where each item was ticked
off (the last tick of an item that was ticked, taken back and ticked again), "who · what"; and
one where each alert of the live feed was raised, saying what it was."""

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtGui import QColor

from liveplanner.app.feed_words import logged_alert
from liveplanner.core.enums import DeskEventKind
from liveplanner.core.live_desk import desk_items, desk_state
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import DeskEvent
from liveplanner.ui.desk.desk_texts import item_text
from liveplanner.ui.review.chart_axes import seconds
from liveplanner.ui.review.chart_strip import Mark
from liveplanner.ui.words import said

TICK_COLOR = QColor("#2e7d32")
TICK_GLYPH = "✓"
ALERT_COLOR = QColor("#e65100")
ALERT_GLYPH = "!"


def tick_marks(
    plan: ShowPlan, events: Sequence[DeskEvent], clock: Callable[[datetime], str]
) -> list[Mark]:
    if not events:
        return []
    alerts = []
    for event in events:
        if event.kind is DeskEventKind.ALERT and (logged := logged_alert(plan, event)):
            text = f"{clock(event.wall_time)}  {said(*logged)}"
            alerts.append(Mark(seconds(event.wall_time), ALERT_COLOR, ALERT_GLYPH, text))
    texts = {i.key: item_text(i) for i in desk_items(plan)}
    ticks = desk_state(plan, events).ticks.values()
    return [
        Mark(
            seconds(t.at),
            TICK_COLOR,
            TICK_GLYPH,
            f"{clock(t.at)}  {t.actor} · {texts.get(t.key, t.key)}",
        )
        for t in sorted(ticks, key=lambda t: t.at)
    ] + alerts
