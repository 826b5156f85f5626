"""The show's live figures (app.live_feed) as the plain JSON every page draws beside its
desk: GMV so far against the plan's pace to target, online viewers now, the minutes so far for
a compact chart, the feed's bad lines and the alerts raised, worded in the page's language.
Figures nobody gave are null (the page shows "—", never 0)."""

from typing import Any

from liveplanner.app.feed_words import alert_words, reason_words
from liveplanner.app.live_feed import LiveFeed
from liveplanner.app.translations import Translate
from liveplanner.core.live_figures import LiveFigures

CHART_MINUTES = 90  # the chart's last minutes: a phone's width of bars
SHOWN_ALERTS = 3


def figures_json(figures: LiveFigures, feed: LiveFeed, translate: Translate) -> dict[str, Any]:
    points = figures.points[-CHART_MINUTES:]
    return {
        "online_now": figures.online_now,
        "gmv_fen": figures.gmv_fen,
        "target_fen": figures.target_fen,
        "pace_fen": figures.pace_fen,
        "behind_bp": figures.behind_bp,
        "minutes": [[p.minute.isoformat(), p.online_viewers, p.gmv_fen] for p in points],
        "lines": figures.lines,
        "bad_lines": figures.bad_lines,
        "reasons": [reason_words(r, translate) for r in figures.reasons[-2:]],
        "alerts": [alert_words(a, translate) for a in feed.alerts[-SHOWN_ALERTS:]][::-1],
    }
