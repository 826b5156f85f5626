"""A show's review: its minute metrics credited to its segments, against its targets.

pandas loads with the functions here, not with the module.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from liveplanner.app.refusals import OperationRefused
from liveplanner.app.review_data import review_inputs
from liveplanner.app.settings import load_preferences
from liveplanner.core.notes import ReviewNote
from liveplanner.core.plan import ShowPlan
from liveplanner.core.runlog import Run
from liveplanner.storage.database import Database

if TYPE_CHECKING:
    from liveplanner.core.review_figures import Review


@dataclass(frozen=True, slots=True)
class ShowReview:
    """What a review view or report shows: the plan, the figures, the runs and the notes."""

    plan: ShowPlan
    review: "Review"
    runs: list[Run]
    notes: list[ReviewNote]


def attribution_lag(lag: int | None) -> int:
    """Minutes from pitch to order: `lag`, else the saved preference; refused out of range."""
    from liveplanner.core.review_spans import MAX_LAG

    lag = load_preferences().attribution_lag if lag is None else lag
    if not 0 <= lag <= MAX_LAG:
        raise OperationRefused(
            f"the lag must be 0 to {MAX_LAG} minutes, not {lag}",
            code="lag_out_of_range",
            figures={"lag": lag, "max": MAX_LAG},
        )
    return lag


def review_show(db: Database, show_id: int, lag: int) -> ShowReview:
    """The show's review with sales credited `lag` minutes after the pitch, on the live run's
    times when the show ran on the timer, else the plan's; read as the window reads it
    (review_data.review_inputs)."""
    from liveplanner.core.review import review

    read = review_inputs(db, show_id)
    result = review(read.plan, read.runs, read.samples, lag, read.product_sales)
    return ShowReview(read.plan, result, read.runs, read.notes)
